import azf, { type HttpResponseInit } from '@azure/functions';
import { loadCatalogue, type ApiErrorBody, type Receipt, type TemplateModel } from '@zj/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryCatalogueStore } from '../storage/memory-catalogue-store.js';
import { setServices, type Services } from '../app/services.js';
import { demoUsers } from '../auth/demo-users.js';
import { createAuthenticator } from '../auth/authenticate.js';
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
  const settings = readSettings({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', DEV_TOKEN_SECRET: SECRET, ...env });
  const svc: Services = {
    settings,
    catalogue,
    catalogues: new MemoryCatalogueStore(catalogue),
    store,
    authenticate: createAuthenticator(settings),
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
    const checked = (await validateReturnHandler(
      request('POST', `/returns/${park}/2025/validate`, { park, period: '2025' }, { headers, json: input }),
      context(),
    )) as HttpResponseInit;
    input.explanations = Object.fromEntries(json<{ unexplained: string[] }>(checked).unexplained.map((k) => [k, '说明']));
    const s = (await submitReturnHandler(
      request('POST', `/returns/${park}/2025`, { park, period: '2025' }, { headers, json: input }),
      context(),
    )) as HttpResponseInit;
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
    const checked = (await validateReturnHandler(
      request('POST', `/returns/${park}/2025/validate`, { park, period: '2025' }, { headers, json: input }),
      context(),
    )) as HttpResponseInit;
    input.explanations = Object.fromEntries(json<{ unexplained: string[] }>(checked).unexplained.map((k) => [k, '说明']));
    store.appendVersion = async () => ({ kind: 'conflict' });
    const s = (await submitReturnHandler(
      request('POST', `/returns/${park}/2025`, { park, period: '2025' }, { headers, json: input }),
      context(),
    )) as HttpResponseInit;
    expect(s.status).toBe(409);
    expect(json<ApiErrorBody>(s).error.code).toBe('version_conflict');
    expect(s.headers).toMatchObject({ 'retry-after': '1' });
  });

  it("saves a draft and reads the newest back; the state is draft; a lock the store's guard sees answers 423", async () => {
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

describe('App Service authentication (AUTH_MODE=app-service, where the platform says it is on)', () => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const other = catalogue.parks[1]!.code;
  /** The principal App Service Authentication passes on: its claims as {typ, val} pairs. */
  const principal = (oid: string, roles: string[], tid = TENANT, idp = 'aad') => ({
    'x-ms-client-principal': Buffer.from(
      JSON.stringify({
        auth_typ: 'aad',
        name_typ: 'name',
        role_typ: 'roles',
        claims: [
          { typ: 'http://schemas.microsoft.com/identity/claims/objectidentifier', val: oid },
          { typ: 'http://schemas.microsoft.com/identity/claims/tenantid', val: tid },
          { typ: 'name', val: '王统计' },
          { typ: 'preferred_username', val: 'Stat@example.cn' },
          ...roles.map((val) => ({ typ: 'roles', val })),
        ],
      }),
    ).toString('base64'),
    'x-ms-client-principal-id': oid,
    'x-ms-client-principal-name': 'Stat@example.cn',
    'x-ms-client-principal-idp': idp,
  });
  const OID = '0f5e6a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b';

  beforeEach(() => {
    useServices({ AUTH_MODE: 'app-service', WEBSITE_SITE_NAME: 'zj-returns', WEBSITE_AUTH_ENABLED: 'True', ENTRA_TENANT_ID: TENANT });
  });

  it.each<[string, Record<string, string>, number, string | null]>([
    ['a statistician of the park', principal(OID, ['statistician', `park.${park}`]), 200, null],
    ['a consolidator', principal(OID, ['consolidator']), 200, null],
    ['role values in another case', principal(OID, ['Statistician', `Park.${park.toUpperCase()}`]), 200, null],
    ['no app role', principal(OID, []), 403, 'no_app_role'],
    ['a role without a park', principal(OID, ['reviewer']), 403, 'no_park'],
    ['an unknown park', principal(OID, ['reviewer', 'park.atlantis']), 403, 'park_not_in_catalogue'],
    ['a park named like an Object.prototype member', principal(OID, ['reviewer', 'park.constructor']), 403, 'park_not_in_catalogue'],
    ['two roles', principal(OID, ['reviewer', 'statistician', `park.${park}`]), 403, 'ambiguous_assignment'],
    ['two parks', principal(OID, ['reviewer', `park.${park}`, `park.${other}`]), 403, 'ambiguous_assignment'],
    ['another tenant', principal(OID, ['consolidator'], '11111111-2222-3333-4444-555555555555'), 401, 'invalid_token'],
    ['another identity provider', principal(OID, ['consolidator'], TENANT, 'github'), 401, 'invalid_token'],
  ])('%s → %i', async (_name, headers, status, code) => {
    const r = (await getParks(request('GET', '/parks', {}, { headers }), context())) as HttpResponseInit;
    expect(r.status).toBe(status);
    if (code) {
      const body = json<ApiErrorBody>(r);
      expect(body.error.code).toBe(code);
      if (status === 403) expect(body.error.message.zh).toContain('Microsoft Entra 管理员');
    }
  });

  it('scopes a park user to their park', async () => {
    const r = (await getTemplate(
      request('GET', `/templates/${other}/2025`, { park: other, period: '2025' }, { headers: principal(OID, ['statistician', `park.${park}`]) }),
      context(),
    )) as HttpResponseInit;
    expect(r.status).toBe(403);
    expect(json<ApiErrorBody>(r).error.code).toBe('forbidden_park');
  });

  it('refuses a request without a principal, and ignores bearer tokens', async () => {
    const r = (await getParks(request('GET', '/parks', {}, { headers: await bearer() }), context())) as HttpResponseInit;
    expect(r.status).toBe(401);
  });
});
