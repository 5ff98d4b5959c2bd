import {
  ROUTES,
  routePath,
  type ReturnInput,
  type RouteBodyInput,
  type RouteName,
  type RouteParams,
  type RouteQueryInput,
  type RouteResponse,
  type RouteSpec,
  type RouteStatus,
} from '@zj/shared/api';
import { ApiRequestError, NetworkError, UnexpectedResponseError, parseApiErrorBody } from './api-errors.js';

export interface ApiClientOptions {
  baseUrl: string;
  /**
   * The bearer token of the signed-in user, or null (see src/auth/): asked for on every call to
   * a route that needs a user (MSAL answers from its cache while the token is fresh);
   * `forceRefresh` after the API refused one. May throw SignInRequiredError: the user must sign in.
   */
  token: (options: { forceRefresh: boolean }) => Promise<string | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Pause between automatic retries of safe requests (tests set 0). */
  retryDelayMs?: number;
}

/** A request to a route of the table: its path and query parameters, its body, extra headers. */
export type RouteRequest<N extends RouteName> = (keyof RouteParams<N> extends never ? { params?: undefined } : { params: RouteParams<N> }) &
  (RouteBodyInput<N> extends undefined ? { body?: undefined } : { body: RouteBodyInput<N> }) & { query?: RouteQueryInput<N>; headers?: Record<string, string> };

/**
 * What a route answers on success, as the table declares it; a file arrives as an ArrayBuffer. A 304
 * (no content) comes only to a call that sent If-None-Match itself, as null, which this type leaves out.
 */
export type RouteAnswer<N extends RouteName> = RouteResponse<N, RouteStatus<N>, ArrayBuffer>;

export interface CallPolicy {
  /** Send again on a dropped connection or a 503. By default, what the table says is safe: reads, idempotent routes, and routes sent with an Idempotency-Key. */
  retry?: boolean;
  /** This request's own deadline, shorter than the client's for best-effort calls. */
  timeoutMs?: number;
}

const RETRIES = 2;

/**
 * The typed client of the HTTP API (functions/), derived from the route table
 * (shared/src/api/routes.ts): `call(route, …)` builds the path from the route's parameters, sends
 * its body, and parses the answer with the schema the table declares for its status, so what the
 * views get is checked, never cast. An error status becomes ApiRequestError, no answer
 * NetworkError, an answer unlike the table UnexpectedResponseError; src/api/user-message.ts turns
 * each into what the user reads. The named methods are the pane's calls, one line each.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** How the API signs people in (no sign-in needed): the demo-token field appears only in its local development mode. */
  authInfo() {
    return this.call('getAuthInfo', {});
  }
  /** Who the signed-in user is here: name, role, park, how they signed in (403 with whom to ask when no role or park). */
  me() {
    return this.call('getMe', {});
  }
  parks() {
    return this.call('getParks', {});
  }
  template(park: string, period: string) {
    return this.call('getTemplate', { params: { park, period } });
  }
  validate(park: string, period: string, input: ReturnInput) {
    return this.call('validateReturn', { params: { park, period }, body: input });
  }
  /** 报送. The Idempotency-Key makes a retry after a dropped connection answer the same receipt. */
  submit(park: string, period: string, input: ReturnInput, idempotencyKey: string) {
    return this.call('submitReturn', { params: { park, period }, body: input, headers: { 'idempotency-key': idempotencyKey, 'x-client': 'addin' } });
  }
  /**
   * Keeps the sheet's figures as the server draft (草稿). Best effort: the sheet stays the draft
   * that matters, so no retries and a short deadline; the caller shows a failure quietly.
   */
  saveDraft(park: string, period: string, input: ReturnInput) {
    return this.call('saveDraft', { params: { park, period }, body: input }, { retry: false, timeoutMs: 10_000 });
  }
  /** A return and the newest page of its versions; with `continuation` (the `next` of a page), the page below it. */
  getReturn(park: string, period: string, continuation?: string) {
    return this.call('getReturn', { params: { park, period }, ...(continuation ? { query: { continuation } } : {}) });
  }
  getVersion(park: string, period: string, version: number) {
    return this.call('getReturnVersion', { params: { park, period, version: String(version) } });
  }
  review(park: string, period: string, input: RouteBodyInput<'reviewReturn'>) {
    return this.call('reviewReturn', { params: { park, period }, body: input });
  }
  status(period: string) {
    return this.call('getStatus', { params: { period } });
  }
  setLock(period: string, locked: boolean) {
    return this.call(locked ? 'lockPeriod' : 'unlockPeriod', { params: { period } });
  }
  /** The consolidated workbook (汇总表) of a period, .xlsx bytes. */
  consolidationWorkbook(period: string) {
    return this.call('getConsolidationXlsx', { params: { period } });
  }
  /** The annual evaluation workbook (年度评估), .xlsx bytes. */
  evaluationWorkbook(year: number) {
    return this.call('getEvaluationXlsx', { params: { year: String(year) } });
  }
  /** The template workbook (.xlsx) to fill where the add-in does not run (WPS, a browser). */
  templateWorkbook(park: string, period: string) {
    return this.call('getTemplateXlsx', { params: { park, period } });
  }
  /**
   * 报送 of a filled template workbook, with the explanations (说明) written in the pane for
   * warnings the file's 说明 column leaves unexplained. The Idempotency-Key makes a retry answer
   * the same receipt.
   */
  uploadReturn(park: string, period: string, file: Blob, explanations: Record<string, string>, idempotencyKey: string) {
    return this.call(
      'uploadReturnXlsx',
      { params: { park, period }, body: { file, explanations }, headers: { 'idempotency-key': idempotencyKey } },
      { timeoutMs: 120_000 },
    );
  }

  /** Calls a route of the table and answers its parsed body. */
  async call<N extends RouteName>(name: N, request: RouteRequest<N>, policy: CallPolicy = {}): Promise<RouteAnswer<N>> {
    const route: RouteSpec = ROUTES[name];
    const retry =
      policy.retry ??
      (route.method === 'GET' ||
        route.idempotent === true ||
        (route.headers?.includes('idempotency-key') === true && request.headers?.['idempotency-key'] !== undefined));
    let forceRefresh = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.once(name, route, request, policy, forceRefresh)) as RouteAnswer<N>;
      } catch (error) {
        // A token refused (expired early, keys rolled over, roles changed) stored nothing: one more
        // try with a token got again silently; a second 401 goes to the user as "sign in again".
        if (error instanceof ApiRequestError && error.status === 401 && route.auth && !forceRefresh) {
          forceRefresh = true;
          attempt--;
          continue;
        }
        const transient = error instanceof NetworkError || (error instanceof ApiRequestError && (error.status === 503 || error.code === 'version_conflict'));
        if (!retry || !transient || attempt >= RETRIES) throw error;
        await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 800) * (attempt + 1)));
      }
    }
  }

  private async once(
    name: RouteName,
    route: RouteSpec,
    request: { params?: object; query?: object; body?: unknown; headers?: Record<string, string> },
    policy: CallPolicy,
    forceRefresh: boolean,
  ): Promise<unknown> {
    // A route anyone may call gets no token (and asks MSAL for none).
    const token = route.auth ? await this.options.token({ forceRefresh }) : null;
    const answersFile = Object.values(route.responses).some((r) => r.content.kind === 'file');
    const headers: Record<string, string> = { accept: answersFile ? 'application/octet-stream, */*' : 'application/json', ...request.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (route.body?.kind === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    } else if (route.body?.kind === 'file') {
      headers['content-type'] = route.body.contentType;
      body = request.body as Uint8Array<ArrayBuffer>;
    } else if (route.body?.kind === 'form') {
      // The browser writes the multipart boundary into the content type itself.
      const { file, ...fields } = request.body as { file: Blob | Uint8Array<ArrayBuffer> } & Record<string, unknown>;
      const parts = new FormData();
      parts.set('file', file instanceof Blob ? file : new Blob([file], { type: route.body.file.contentType }), 'return.xlsx');
      for (const [name, value] of Object.entries(fields)) if (value !== undefined) parts.set(name, JSON.stringify(value));
      body = parts;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs ?? this.options.timeoutMs ?? (answersFile ? 120_000 : 30_000));
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.options.baseUrl}${routePath(name, (request.params ?? {}) as never, (request.query ?? {}) as never)}`, {
        method: route.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: controller.signal,
      });
    } catch (error) {
      throw new NetworkError(controller.signal.aborted ? 'timeout' : 'offline', { cause: error });
    } finally {
      clearTimeout(timer);
    }
    const answer = route.responses[response.status];
    if (answer?.content.kind === 'none') return null; // 304: only when the caller sent If-None-Match
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      throw new ApiRequestError(response.status, parseApiErrorBody(parsed), response.headers);
    }
    if (!answer) throw new UnexpectedResponseError(name, response.status, [`status ${response.status} is not declared`]);
    if (answer.content.kind === 'file') return response.arrayBuffer();
    const parsed = answer.content.schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new UnexpectedResponseError(
        name,
        response.status,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
      );
    return parsed.data;
  }
}

/** Where the API is: `?api=` (tests, a dev pointing elsewhere), the build's config, or /api beside the task pane. */
export function apiBaseUrl(location: Pick<Location, 'origin' | 'search'>, configured: string | undefined): string {
  const fromQuery = new URLSearchParams(location.search).get('api');
  const base = fromQuery ?? configured ?? `${location.origin}/api`;
  return base.replace(/\/+$/, '');
}
