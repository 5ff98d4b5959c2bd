import azf, { type HttpResponseInit } from '@azure/functions';
import { loadCatalogue, targetProposalSchema, type ApiErrorBody, type ExtractTargetsResponse } from '@zj/shared';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryCatalogueStore } from '../storage/memory-catalogue-store.js';
import { setServices } from '../app/services.js';
import { demoUsers } from '../auth/demo-users.js';
import { createAuthenticator } from '../auth/authenticate.js';
import { signDevToken } from '../auth/dev-tokens.js';
import { readSettings } from '../settings/read-settings.js';
import { MemoryReturnStore } from '../storage/memory-return-store.js';
import { extractTargetsHandler, registration } from './extract-targets.js';

// The handler called directly, as the Functions host calls it: a real HttpRequest and
// InvocationContext, an in-memory store (which extraction never touches).
const { HttpRequest, InvocationContext } = azf;
const SECRET = 'unit-test-secret-0123456789-abcdefghijklmn';
const catalogue = loadCatalogue();
const users = demoUsers(catalogue);
const consolidator = users.find((u) => u.role === 'consolidator')!;
const minhang = catalogue.parks.find((p) => p.seedFile?.startsWith('001_'))!;
const planText = readFileSync(new URL(`../../../seeds/${minhang.seedFile}`, import.meta.url), 'utf8');

beforeEach(() => {
  const settings = readSettings({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', DEV_TOKEN_SECRET: SECRET });
  setServices({
    settings,
    catalogue,
    catalogues: new MemoryCatalogueStore(catalogue),
    store: new MemoryReturnStore(),
    authenticate: createAuthenticator(settings),
    now: () => new Date('2026-03-01T00:00:00Z'),
  });
});

const context = () => new InvocationContext({ functionName: 'unit', invocationId: 'unit-1' });
const json = <T>(r: HttpResponseInit) => r.jsonBody as T;
const bearer = async (actor = consolidator) => ({ authorization: `Bearer ${await signDevToken(SECRET, actor)}` });

function post(headers: Record<string, string>, body: string | undefined, contentType = 'application/json') {
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/extract',
    headers: { ...headers, ...(body !== undefined ? { 'content-type': contentType } : {}) },
    ...(body !== undefined ? { body: { string: body } } : {}),
  });
}

const call = async (headers: Record<string, string>, body: string | undefined, contentType?: string) =>
  (await extractTargetsHandler(post(headers, body, contentType), context())) as HttpResponseInit;

describe('POST /api/extract', () => {
  it('is registered as POST extract', () => {
    expect(registration).toMatchObject({ name: 'extractTargets', methods: ['POST'], route: 'extract' });
  });

  it('answers the candidate targets of an uploaded plan, mapped onto the catalogue', async () => {
    const r = await call(await bearer(), JSON.stringify({ text: planText }));
    expect(r.status).toBe(200);
    const { targets } = json<ExtractTargetsResponse>(r);
    // Every catalogued target and every restatement of one (闵行园 task 10 and 15) is a passage the extractor proposes.
    const catalogued = catalogue.targets.filter((t) => t.park === minhang.code);
    expect(targets).toHaveLength(catalogued.length + catalogued.reduce((n, t) => n + t.restatements.length, 0));
    const rd = targets.find((t) => t.value === 6.8)!;
    expect(rd).toMatchObject({ unit: '%', comparison: 'gte', year: 2026, mappedIndicator: 'rd_share', kind: 'share' });
    expect(planText.slice(rd.offset, rd.offset + rd.quote.length)).toBe(rd.quote);
    for (const t of targets) expect(() => targetProposalSchema.parse(t)).not.toThrow();
    expect(rd.reasons.length).toBeGreaterThan(0);
    expect(rd.yearSource.source).toBe('sentence');
  });

  it('answers an empty list for a text without targets', async () => {
    const r = await call(await bearer(), JSON.stringify({ text: '特此通知。' }));
    expect(r.status).toBe(200);
    expect(json<ExtractTargetsResponse>(r).targets).toEqual([]);
  });

  it.each(
    users
      .filter((u) => u.role !== 'consolidator')
      .slice(0, 2)
      .map((u) => [u.role, u] as const),
  )('refuses a %s: 403 forbidden_role', async (_, actor) => {
    const r = await call(await bearer(actor), JSON.stringify({ text: planText }));
    expect(r.status).toBe(403);
    expect(json<ApiErrorBody>(r).error.code).toBe('forbidden_role');
  });

  it('refuses a request without a token: 401', async () => {
    const r = await call({}, JSON.stringify({ text: planText }));
    expect(r.status).toBe(401);
    expect(json<ApiErrorBody>(r).error.code).toBe('unauthenticated');
  });

  it.each([
    ['no text', JSON.stringify({}), 'text'],
    ['a blank text', JSON.stringify({ text: '  ' }), 'text'],
    ['a text that is not a string', JSON.stringify({ text: 42 }), 'text'],
    ['an array body', JSON.stringify([planText]), '(body)'],
  ])('refuses %s: 400 invalid_body naming the field', async (_, body, path) => {
    const r = await call(await bearer(), body);
    expect(r.status).toBe(400);
    const error = json<ApiErrorBody>(r).error;
    expect(error.code).toBe('invalid_body');
    expect(error.issues?.map((i) => i.path)).toEqual([path]);
    expect(error.message.zh).toBeTruthy();
    expect(error.message.en).toBeTruthy();
  });

  it('refuses a plain-text upload (415) and malformed JSON (400)', async () => {
    const plain = await call(await bearer(), planText, 'text/plain; charset=utf-8');
    expect(plain.status).toBe(415);
    expect(json<ApiErrorBody>(plain).error.code).toBe('unsupported_media_type');
    const broken = await call(await bearer(), '{"text": ');
    expect(broken.status).toBe(400);
    expect(json<ApiErrorBody>(broken).error.code).toBe('malformed_json');
  });

  it('refuses a body over the size limit: 413', async () => {
    const r = await call(await bearer(), JSON.stringify({ text: '到2026年，'.repeat(60_000) }));
    expect(r.status).toBe(413);
    expect(json<ApiErrorBody>(r).error.code).toBe('body_too_large');
  });
});
