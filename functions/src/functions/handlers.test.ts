import azf, { type HttpResponseInit } from '@azure/functions';
import { loadCatalogue, type ApiErrorBody, type Receipt, type TemplateModel } from '@zj/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { setServices, type Services } from '../app/services.js';
import { demoUsers } from '../auth/demo-users.js';
import { signDevToken } from '../auth/dev-tokens.js';
import { readSettings } from '../settings/read-settings.js';
import { MemoryReturnStore } from '../storage/memory-return-store.js';
import { figuresFor } from '../../test/helpers/valid-return.js';
import { getDraft } from './get-draft.js';
import { getParks } from './get-parks.js';
import { getReturn } from './get-return.js';
import { getTemplate } from './get-template.js';
import { saveDraftHandler } from './save-draft.js';
import { submitReturnHandler } from './submit-return.js';
import { validateReturnHandler } from './validate-return.js';

// Handlers called directly, as the Functions host calls them: a real HttpRequest and
// InvocationContext, an in-memory store.
const { HttpRequest, InvocationContext } = azf;
const SECRET = 'unit-test-secret-0123456789-abcdefghijklmn';
const catalogue = loadCatalogue();
const park = catalogue.parks[0]!.code;
const statistician = demoUsers(catalogue).find((u) => u.role === 'statistician' && u.park === park)!;
let store: MemoryReturnStore;

function useServices(env: Record<string, string> = {}): Services {
  store = new MemoryReturnStore();
  const svc: Services = {
    settings: readSettings({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', DEV_TOKEN_SECRET: SECRET, ...env }),
    catalogue,
    store,
    now: () => new Date('2026-03-01T00:00:00Z'),
  };
  setServices(svc);
  return svc;
}

function request(method: string, path: string, params: Record<string, string>, init: { headers?: Record<string, string>; json?: unknown } = {}) {
  const headers = { ...init.headers, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) };
  return new HttpRequest({
    method,
    url: `http://localhost/api${path}`,
    headers,
    params,
    ...(init.json !== undefined ? { body: { string: JSON.stringify(init.json) } } : {}),
  });
}

const context = () => new InvocationContext({ functionName: 'unit', invocationId: 'unit-1' });
const json = <T>(r: HttpResponseInit) => r.jsonBody as T;
const bearer = async () => ({ authorization: `Bearer ${await signDevToken(SECRET, statistician)}` });

describe('handlers called directly', () => {
  beforeEach(() => {
    useServices();
  });

  it('GET parks answers the catalogue parks', async () => {
    const r = await getParks(request('GET', '/parks', {}, { headers: await bearer() }), context());
    expect(r).toMatchObject({ status: 200 });
    expect(json<{ parks: { code: string }[] }>(r as HttpResponseInit).parks.map((p) => p.code)).toEqual(catalogue.parks.map((p) => p.code));
  });

  it('refuses a request without a token: 401 with both languages', async () => {
    const r = (await getParks(request('GET', '/parks', {}), context())) as HttpResponseInit;
    expect(r.status).toBe(401);
    const body = json<ApiErrorBody>(r);
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message.zh).toMatch(/登录/);
    expect(body.error.message.en).toMatch(/signed in/);
  });

  it('submits, then lists the version', async () => {
    const headers = await bearer();
    const t = (await getTemplate(request('GET', `/templates/${park}/2025`, { park, period: '2025' }, { headers }), context())) as HttpResponseInit;
    const template = json<TemplateModel>(t);
    const input = figuresFor(template);
    const checked = (await validateReturnHandler(request('POST', `/returns/${park}/2025/validate`, { park, period: '2025' }, { headers, json: input }), context())) as HttpResponseInit;
    input.explanations = Object.fromEntries(json<{ unexplained: string[] }>(checked).unexplained.map((k) => [k, '说明']));
    const s = (await submitReturnHandler(request('POST', `/returns/${park}/2025`, { park, period: '2025' }, { headers, json: input }), context())) as HttpResponseInit;
    expect(s.status).toBe(201);
    expect(json<Receipt>(s)).toMatchObject({ park, period: '2025', version: 1, templateVersion: template.version });
    const g = (await getReturn(request('GET', `/returns/${park}/2025`, { park, period: '2025' }, { headers }), context())) as HttpResponseInit;
    expect(json<{ versions: unknown[]; state: string }>(g)).toMatchObject({ state: 'submitted', versions: [{ version: 1 }] });
  });

  it('answers 503 storage_unavailable when the store is down, and stores nothing', async () => {
    const headers = await bearer();
    store.down = true;
    const r = (await getTemplate(request('GET', `/templates/${park}/2025`, { park, period: '2025' }, { headers }), context())) as HttpResponseInit;
    expect(r.status).toBe(503);
    expect(json<ApiErrorBody>(r).error.code).toBe('storage_unavailable');
  });

  it('answers 409 version_conflict when other submissions keep winning the race', async () => {
    const headers = await bearer();
    const t = (await getTemplate(request('GET', `/templates/${park}/2025`, { park, period: '2025' }, { headers }), context())) as HttpResponseInit;
    const input = figuresFor(json<TemplateModel>(t));
    const checked = (await validateReturnHandler(request('POST', `/returns/${park}/2025/validate`, { park, period: '2025' }, { headers, json: input }), context())) as HttpResponseInit;
    input.explanations = Object.fromEntries(json<{ unexplained: string[] }>(checked).unexplained.map((k) => [k, '说明']));
    store.appendVersion = async () => ({ kind: 'conflict' });
    const s = (await submitReturnHandler(request('POST', `/returns/${park}/2025`, { park, period: '2025' }, { headers, json: input }), context())) as HttpResponseInit;
    expect(s.status).toBe(409);
    expect(json<ApiErrorBody>(s).error.code).toBe('version_conflict');
    expect(s.headers).toMatchObject({ 'retry-after': '1' });
  });

  it('saves a draft and reads the newest back; the state is draft; a lock the store\'s guard sees answers 423', async () => {
    const headers = await bearer();
    const params = { park, period: '2025' };
    const first = { templateVersion: 'v', figures: { a: 1 } };
    const second = { templateVersion: 'v', figures: { a: 2, b: '待填' } };
    for (const input of [first, second]) {
      const r = (await saveDraftHandler(request('PUT', `/returns/${park}/2025/draft`, params, { headers, json: input }), context())) as HttpResponseInit;
      expect(r.status).toBe(200);
    }
    const g = (await getDraft(request('GET', `/returns/${park}/2025/draft`, params, { headers }), context())) as HttpResponseInit;
    expect(json<{ input: unknown }>(g).input).toEqual(second);
    const ret = (await getReturn(request('GET', `/returns/${park}/2025`, params, { headers }), context())) as HttpResponseInit;
    expect(json<{ state: string }>(ret).state).toBe('draft');
    // The lock landed after the handler's own check: the store's guard says so.
    store.appendDraft = async () => ({ kind: 'locked' });
    const locked = (await saveDraftHandler(request('PUT', `/returns/${park}/2025/draft`, params, { headers, json: first }), context())) as HttpResponseInit;
    expect(locked.status).toBe(423);
    expect(json<ApiErrorBody>(locked).error.code).toBe('period_locked');
  });

  it('never trusts principal headers in dev-token mode', async () => {
    const principal = Buffer.from(JSON.stringify({ claims: [] })).toString('base64');
    const headers = { 'x-ms-client-principal': principal, 'x-ms-client-principal-id': 'x', 'x-ms-client-principal-name': 'boss@example.com' };
    const r = (await getParks(request('GET', '/parks', {}, { headers }), context())) as HttpResponseInit;
    expect(r.status).toBe(401);
  });
});

describe('App Service authentication (AUTH_MODE=app-service)', () => {
  const users = JSON.stringify({ 'stat@example.com': { role: 'statistician', park }, 'lead@example.com': { role: 'consolidator' } });
  const principal = (name: string) => ({
    'x-ms-client-principal': Buffer.from(JSON.stringify({ auth_typ: 'aad', claims: [] })).toString('base64'),
    'x-ms-client-principal-id': `id-${name}`,
    'x-ms-client-principal-name': name,
    'x-ms-client-principal-idp': 'aad',
  });

  beforeEach(() => {
    useServices({ AUTH_MODE: 'app-service', USERS: users });
  });

  it.each([
    ['stat@example.com', 200],
    ['lead@example.com', 200],
    ['stranger@example.com', 403],
  ])('maps request.user %s through USERS → %i', async (name, status) => {
    const r = (await getParks(request('GET', '/parks', {}, { headers: principal(name) }), context())) as HttpResponseInit;
    expect(r.status).toBe(status);
  });

  it('scopes a mapped park user to their park', async () => {
    const other = catalogue.parks[1]!.code;
    const r = (await getTemplate(request('GET', `/templates/${other}/2025`, { park: other, period: '2025' }, { headers: principal('stat@example.com') }), context())) as HttpResponseInit;
    expect(r.status).toBe(403);
    expect(json<ApiErrorBody>(r).error.code).toBe('forbidden_park');
  });

  it('refuses a request without a principal, and ignores bearer tokens', async () => {
    const r = (await getParks(request('GET', '/parks', {}, { headers: await bearer() }), context())) as HttpResponseInit;
    expect(r.status).toBe(401);
  });
});
