import { describe, expect, it } from 'vitest';
import { ApiClient, apiBaseUrl } from './api-client.js';
import { ApiRequestError, NetworkError } from './api-errors.js';

function client(responses: Array<Response | Error>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const api = new ApiClient({
    baseUrl: 'https://x.test/api',
    token: async () => 'tok',
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

describe('ApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    const { api, calls } = client([json(200, { zone: {}, parks: [] })]);
    await expect(api.parks()).resolves.toEqual({ zone: {}, parks: [] });
    expect(calls[0]!.url).toBe('https://x.test/api/parks');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('retries a submission after a dropped connection with the same Idempotency-Key', async () => {
    const receipt = { version: 1 };
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

  it.each([
    [{ origin: 'https://a.test', search: '' }, undefined, 'https://a.test/api'],
    [{ origin: 'https://a.test', search: '?api=http://127.0.0.1:7071/api/' }, undefined, 'http://127.0.0.1:7071/api'],
    [{ origin: 'https://a.test', search: '' }, 'https://api.test/api', 'https://api.test/api'],
  ])('finds the API base URL', (location, configured, expected) => {
    expect(apiBaseUrl(location, configured)).toBe(expected);
  });
});
