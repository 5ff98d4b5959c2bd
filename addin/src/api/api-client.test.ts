import { describe, expect, it } from 'vitest';
import { SignInRequiredError } from '../auth/entra-auth.js';
import { ApiClient, apiBaseUrl, type ApiClientOptions } from './api-client.js';
import { ApiRequestError, NetworkError, UnexpectedResponseError } from './api-errors.js';

function client(responses: Array<Response | Error>, token: ApiClientOptions['token'] = async () => 'tok') {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const api = new ApiClient({
    baseUrl: 'https://x.test/api',
    token,
    retryDelayMs: 0,
    fetch: async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return { api, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const zone = {
  code: 'zone',
  name: { zh: '张江高新区', en: 'Zhangjiang High-tech Zone' },
  form: { number: '张江高新统1表', authority: { zh: '张江高新区管理委员会', en: 'Zhangjiang High-tech Zone Administrative Committee' } },
};
const actor = { id: 'p-statistician', name: '统计员', role: 'statistician', park: 'p' };
const review = { version: 1, decision: 'approve', comment: '', by: { ...actor, role: 'reviewer' }, at: '2025-03-02T00:00:00.000Z' };
const me = { id: 'oid-1', name: '王统计', role: 'statistician', park: { code: 'p', name: { zh: '某园', en: 'P Park' } }, authMode: 'entra' };
const receipt = {
  park: 'p',
  period: '2025',
  version: 1,
  submittedAt: '2025-03-01T00:00:00.000Z',
  submittedBy: actor,
  contentHash: 'h',
  templateVersion: 'v',
  issues: [],
  explanations: {},
};

describe('ApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    const { api, calls } = client([json(200, { zone, parks: [] })]);
    await expect(api.parks()).resolves.toEqual({ zone, parks: [] });
    expect(calls[0]!.url).toBe('https://x.test/api/parks');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('uploads a workbook as a form, with the explanations written in the pane beside it, and retries with the same key', async () => {
    const { api, calls } = client([new TypeError('Failed to fetch'), json(201, { ...receipt, uploadBlob: 'p/2025/x.xlsx' })]);
    const file = new Blob([new Uint8Array([0x50, 0x4b, 3, 4])]);
    await expect(api.uploadReturn('p', '2025', file, { 'field:a': '新口径' }, 'upload-1')).resolves.toMatchObject({ version: 1, uploadBlob: 'p/2025/x.xlsx' });
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['idempotency-key'])).toEqual(['upload-1', 'upload-1']);
    const form = calls[1]!.init.body as FormData;
    expect(calls[1]!.url).toBe('https://x.test/api/returns/p/2025/upload');
    expect(JSON.parse(String(form.get('explanations')))).toEqual({ 'field:a': '新口径' });
    expect(new Uint8Array(await (form.get('file') as Blob).arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    // The browser writes the multipart content type, boundary included.
    expect((calls[1]!.init.headers as Record<string, string>)['content-type']).toBeUndefined();
  });

  it('retries a submission after a dropped connection with the same Idempotency-Key', async () => {
    const { api, calls } = client([new TypeError('Failed to fetch'), json(201, receipt)]);
    await expect(api.submit('p', '2025', { templateVersion: 'v', figures: {} }, 'key-1')).resolves.toEqual(receipt);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['idempotency-key'])).toEqual(['key-1', 'key-1']);
  });

  it('gives up after retries with a NetworkError', async () => {
    const { api } = client([new TypeError('x'), new TypeError('x'), new TypeError('x')]);
    await expect(api.template('p', '2025')).rejects.toBeInstanceOf(NetworkError);
  });

  it('saves a draft with PUT, once: best effort, not retried', async () => {
    const { api, calls } = client([json(200, { savedAt: '2025-03-01T00:00:00.000Z', contentHash: 'h' }), new TypeError('Failed to fetch')]);
    const input = { templateVersion: 'v', figures: { a: '待填' } };
    await expect(api.saveDraft('p', '2025Q1', input)).resolves.toEqual({ savedAt: '2025-03-01T00:00:00.000Z', contentHash: 'h' });
    expect(calls[0]).toMatchObject({ url: 'https://x.test/api/returns/p/2025Q1/draft', init: { method: 'PUT', body: JSON.stringify(input) } });
    await expect(api.saveDraft('p', '2025Q1', input)).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toHaveLength(2);
  });

  it('does not retry a review (no idempotency key) and maps the error body', async () => {
    const { api, calls } = client([json(409, { error: { code: 'review_not_pending', message: { zh: '已审核', en: 'reviewed' } } })]);
    const error = await api.review('p', '2025', { version: 1, decision: 'approve', comment: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).code).toBe('review_not_pending');
    expect(calls).toHaveLength(1);
  });

  it('parses each answer with the schema the route table declares: an answer unlike it is refused, not cast', async () => {
    const { api } = client([json(200, { zone, parks: [{ code: 'p' }] }), json(201, { ...receipt, version: '1' }), json(202, receipt)]);
    await expect(api.parks()).rejects.toBeInstanceOf(UnexpectedResponseError);
    const wrongType = await api.submit('p', '2025', { templateVersion: 'v', figures: {} }, 'k').catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(UnexpectedResponseError);
    expect((wrongType as UnexpectedResponseError).problems).toEqual([expect.stringMatching(/^version: /)]);
    await expect(api.submit('p', '2025', { templateVersion: 'v', figures: {} }, 'k')).rejects.toThrow(/202/);
  });

  it('builds the path from the route table, each parameter URL-encoded, with the route’s method', async () => {
    const lock = { period: '2025Q1', locked: true, by: { ...actor, role: 'consolidator', park: null }, at: '2025-04-01T00:00:00.000Z' };
    const { api, calls } = client([json(200, lock), json(200, { ...lock, locked: false })]);
    await api.setLock('2025Q1', true);
    await api.setLock('2025 Q1/x', false);
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['POST', 'https://x.test/api/periods/2025Q1/lock'],
      ['POST', 'https://x.test/api/periods/2025%20Q1%2Fx/unlock'],
    ]);
  });

  it('downloads a workbook as bytes', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const { api, calls } = client([
      new Response(bytes, { status: 200, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    ]);
    expect(new Uint8Array(await api.evaluationWorkbook(2025))).toEqual(bytes);
    expect(calls[0]!.url).toBe('https://x.test/api/evaluation/2025.xlsx');
  });

  it('answers a 401 with one more try on a token got again silently (forceRefresh), then succeeds', async () => {
    const asked: boolean[] = [];
    const { api, calls } = client(
      [json(401, { error: { code: 'invalid_token', message: { zh: '令牌无效', en: 'invalid' } } }), json(201, review)],
      async ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'stale';
      },
    );
    // A review is never retried for a dropped connection, but a refused token stored nothing: sent again.
    await expect(api.review('p', '2025', { version: 1, decision: 'approve', comment: '' })).resolves.toEqual(review);
    expect(asked).toEqual([false, true]);
    expect(calls.map((c) => (c.init.headers as Record<string, string>).authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('passes a second 401 on to the user (sign in again), after exactly one silent retry', async () => {
    const refused = () => json(401, { error: { code: 'invalid_token', message: { zh: '令牌无效', en: 'invalid' } } });
    const { api, calls } = client([refused(), refused(), json(200, { zone, parks: [] })]);
    const error = await api.parks().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(calls).toHaveLength(2);
  });

  it('sends nothing when no token can be had without the user', async () => {
    const { api, calls } = client([json(200, { zone, parks: [] })], async () => {
      throw new SignInRequiredError();
    });
    await expect(api.parks()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(calls).toHaveLength(0);
  });

  it('asks /auth-info without a token, and /me with one', async () => {
    let asked = 0;
    const { api, calls } = client([json(200, { authMode: 'entra', devTokens: false }), json(200, me)], async () => {
      asked++;
      return 'tok';
    });
    await expect(api.authInfo()).resolves.toEqual({ authMode: 'entra', devTokens: false });
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
    expect(asked).toBe(0);
    await expect(api.me()).resolves.toEqual(me);
    expect(calls[1]).toMatchObject({ url: 'https://x.test/api/me' });
    expect((calls[1]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('answers null to a 304 of a template asked with If-None-Match, and refuses a 304 where the table declares none', async () => {
    const { api, calls } = client([new Response(null, { status: 304, headers: { etag: '"v"' } }), new Response(null, { status: 304 })]);
    await expect(api.call('getTemplate', { params: { park: 'p', period: '2025' }, headers: { 'if-none-match': '"v"' } })).resolves.toBeNull();
    expect((calls[0]!.init.headers as Record<string, string>)['if-none-match']).toBe('"v"');
    await expect(api.parks()).rejects.toBeInstanceOf(ApiRequestError);
  });

  it.each([
    [{ origin: 'https://a.test', search: '' }, undefined, 'https://a.test/api'],
    [{ origin: 'https://a.test', search: '?api=http://127.0.0.1:7071/api/' }, undefined, 'http://127.0.0.1:7071/api'],
    [{ origin: 'https://a.test', search: '' }, 'https://api.test/api', 'https://api.test/api'],
  ])('finds the API base URL', (location, configured, expected) => {
    expect(apiBaseUrl(location, configured)).toBe(expected);
  });
});
