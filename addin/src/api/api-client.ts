import type {
  DraftInput,
  DraftReceipt,
  LockResponse,
  ParksResponse,
  Receipt,
  ReturnInput,
  ReturnResponse,
  ReturnVersion,
  Review,
  ReviewInput,
  StatusResponse,
  TemplateModel,
  ValidateResponse,
} from '@zj/shared';
import { ApiRequestError, NetworkError, isApiErrorBody } from './api-errors.js';

export interface ApiClientOptions {
  baseUrl: string;
  /** The bearer token of the signed-in user, or null (see src/auth/). */
  token: () => Promise<string | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Pause between automatic retries of safe requests (tests set 0). */
  retryDelayMs?: number;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  json?: unknown;
  headers?: Record<string, string>;
  /** Safe to send again on a dropped connection or a 503: reads, and writes with an Idempotency-Key. */
  retry?: boolean;
  binary?: boolean;
  /** This request's own deadline, shorter than the client's for best-effort calls. */
  timeoutMs?: number;
}

const RETRIES = 2;

/**
 * The typed client of the HTTP API (functions/). Every response is typed with the shared
 * types; an error status becomes ApiRequestError and no answer becomes NetworkError, which
 * src/api/user-message.ts turns into what the user reads.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  parks(): Promise<ParksResponse> {
    return this.request('/parks', { retry: true });
  }
  template(park: string, period: string): Promise<TemplateModel> {
    return this.request(`/templates/${enc(park)}/${enc(period)}`, { retry: true });
  }
  validate(park: string, period: string, input: ReturnInput): Promise<ValidateResponse> {
    // Validation stores nothing: as safe to repeat as a read.
    return this.request(`/returns/${enc(park)}/${enc(period)}/validate`, { method: 'POST', json: input, retry: true });
  }
  /** 报送. The Idempotency-Key makes a retry after a dropped connection answer the same receipt. */
  submit(park: string, period: string, input: ReturnInput, idempotencyKey: string): Promise<Receipt> {
    return this.request(`/returns/${enc(park)}/${enc(period)}`, {
      method: 'POST',
      json: input,
      headers: { 'idempotency-key': idempotencyKey, 'x-client': 'addin' },
      retry: true,
    });
  }
  /**
   * Keeps the sheet's figures as the server draft (草稿). Best effort: the sheet stays the draft
   * that matters, so no retries and a short deadline; the caller shows a failure quietly.
   */
  saveDraft(park: string, period: string, input: DraftInput): Promise<DraftReceipt> {
    return this.request(`/returns/${enc(park)}/${enc(period)}/draft`, { method: 'PUT', json: input, timeoutMs: 10_000 });
  }
  getReturn(park: string, period: string): Promise<ReturnResponse> {
    return this.request(`/returns/${enc(park)}/${enc(period)}`, { retry: true });
  }
  getVersion(park: string, period: string, version: number): Promise<ReturnVersion> {
    return this.request(`/returns/${enc(park)}/${enc(period)}/versions/${version}`, { retry: true });
  }
  review(park: string, period: string, input: ReviewInput): Promise<Review> {
    return this.request(`/returns/${enc(park)}/${enc(period)}/review`, { method: 'POST', json: input });
  }
  status(period: string): Promise<StatusResponse> {
    return this.request(`/status/${enc(period)}`, { retry: true });
  }
  setLock(period: string, locked: boolean): Promise<LockResponse> {
    return this.request(`/periods/${enc(period)}/${locked ? 'lock' : 'unlock'}`, { method: 'POST', retry: true });
  }
  /** The consolidated workbook (汇总表) of a period, .xlsx bytes. */
  consolidationWorkbook(period: string): Promise<ArrayBuffer> {
    return this.request(`/consolidation/${enc(period)}.xlsx`, { retry: true, binary: true });
  }
  /** The annual evaluation workbook (年度评估), .xlsx bytes. */
  evaluationWorkbook(year: number): Promise<ArrayBuffer> {
    return this.request(`/evaluation/${year}.xlsx`, { retry: true, binary: true });
  }

  private async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(path, options);
      } catch (error) {
        const transient = error instanceof NetworkError || (error instanceof ApiRequestError && (error.status === 503 || error.code === 'version_conflict'));
        if (!options.retry || !transient || attempt >= RETRIES) throw error;
        await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 800) * (attempt + 1)));
      }
    }
  }

  private async once<T>(path: string, options: RequestOptions): Promise<T> {
    const token = await this.options.token();
    const headers: Record<string, string> = { accept: options.binary ? 'application/octet-stream, */*' : 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? this.options.timeoutMs ?? (options.binary ? 120_000 : 30_000));
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.options.baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers,
        ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
        signal: controller.signal,
      });
    } catch (error) {
      throw new NetworkError(controller.signal.aborted ? 'timeout' : 'offline', { cause: error });
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      throw new ApiRequestError(response.status, isApiErrorBody(body) ? body : null, response.headers);
    }
    if (options.binary) return (await response.arrayBuffer()) as T;
    return (await response.json()) as T;
  }
}

const enc = encodeURIComponent;

/** Where the API is: `?api=` (tests, a dev pointing elsewhere), the build's config, or /api beside the task pane. */
export function apiBaseUrl(location: Pick<Location, 'origin' | 'search'>, configured: string | undefined): string {
  const fromQuery = new URLSearchParams(location.search).get('api');
  const base = fromQuery ?? configured ?? `${location.origin}/api`;
  return base.replace(/\/+$/, '');
}
