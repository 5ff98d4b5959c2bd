import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { loadCatalogue, type ReturnInput, type Role } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Action } from '../src/auth/permissions.js';
import { ROUTE_NAMES, ROUTES } from '@zj/shared/api';
import { call, routeOf, startHarness, TEST_SECRET, type CallOptions, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

/**
 * The whole permission matrix, generated as a table: every role against every endpoint, for
 * its own park and for another park, plus requests with no identity or a forged one. The
 * expected status follows from PERMISSIONS and the park scope, and is spelled out per case.
 * It runs twice: with dev tokens, and in entra mode, where a local OpenID provider signs every
 * user in (authorization code + PKCE) and the API validates its tokens as it would Entra ID's.
 */
const PERIOD = '2024Q4';
const catalogue = loadCatalogue();
const PARKS = catalogue.parks.map((p) => p.code);
const ROLES: Role[] = ['statistician', 'reviewer', 'consolidator'];

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  action: Action;
  parkScoped: boolean;
  path: (park: string) => string;
  /** The status when allowed; 'authorized' where the body decides it (any answer but 401/403). */
  ok: number | 'authorized';
}

const NO_DRAFT = '00000000-0000-4000-8000-000000000000';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PLAN_DOCX = new Uint8Array(readFileSync(new URL('../src/plans/__fixtures__/baoshan-plan.docx', import.meta.url)));

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /me', method: 'GET', action: 'read_self', parkScoped: false, path: () => '/me', ok: 200 },
  { name: 'GET /parks', method: 'GET', action: 'read_reference', parkScoped: false, path: () => '/parks', ok: 200 },
  { name: 'GET /catalogue', method: 'GET', action: 'read_reference', parkScoped: false, path: () => '/catalogue', ok: 200 },
  { name: 'GET /templates/{park}/{period}', method: 'GET', action: 'read_park', parkScoped: true, path: (p) => `/templates/${p}/${PERIOD}`, ok: 200 },
  {
    name: 'POST /returns/{park}/{period}/validate',
    method: 'POST',
    action: 'validate',
    parkScoped: true,
    path: (p) => `/returns/${p}/${PERIOD}/validate`,
    ok: 200,
  },
  { name: 'POST /returns/{park}/{period}', method: 'POST', action: 'submit', parkScoped: true, path: (p) => `/returns/${p}/${PERIOD}`, ok: 201 },
  { name: 'GET /returns/{park}/{period}', method: 'GET', action: 'read_park', parkScoped: true, path: (p) => `/returns/${p}/${PERIOD}`, ok: 200 },
  {
    name: 'GET /returns/{park}/{period}/versions/1',
    method: 'GET',
    action: 'read_park',
    parkScoped: true,
    path: (p) => `/returns/${p}/${PERIOD}/versions/1`,
    ok: 200,
  },
  { name: 'PUT /returns/{park}/{period}/draft', method: 'PUT', action: 'save_draft', parkScoped: true, path: (p) => `/returns/${p}/${PERIOD}/draft`, ok: 200 },
  { name: 'GET /returns/{park}/{period}/draft', method: 'GET', action: 'read_park', parkScoped: true, path: (p) => `/returns/${p}/${PERIOD}/draft`, ok: 200 },
  { name: 'POST /returns/{park}/{period}/review', method: 'POST', action: 'review', parkScoped: true, path: (p) => `/returns/${p}/${PERIOD}/review`, ok: 201 },
  { name: 'GET /status/{period}', method: 'GET', action: 'read_status', parkScoped: false, path: () => `/status/${PERIOD}`, ok: 200 },
  { name: 'POST /periods/{period}/lock', method: 'POST', action: 'lock', parkScoped: false, path: () => `/periods/2023Q4/lock`, ok: 200 },
  { name: 'POST /periods/{period}/unlock', method: 'POST', action: 'lock', parkScoped: false, path: () => `/periods/2023Q4/unlock`, ok: 200 },
  { name: 'GET /consolidation/{period}', method: 'GET', action: 'read_zone', parkScoped: false, path: () => `/consolidation/${PERIOD}`, ok: 200 },
  { name: 'GET /evaluation/{year}', method: 'GET', action: 'read_zone', parkScoped: false, path: () => '/evaluation/2025', ok: 200 },
  // The workbook and extraction endpoints (their own modules), under the same table.
  { name: 'GET /templates/{park}/{period}.xlsx', method: 'GET', action: 'read_park', parkScoped: true, path: (p) => `/templates/${p}/${PERIOD}.xlsx`, ok: 200 },
  {
    name: 'POST /returns/{park}/{period}/upload',
    method: 'POST',
    action: 'submit',
    parkScoped: true,
    path: (p) => `/returns/${p}/${PERIOD}/upload`,
    ok: 'authorized',
  },
  { name: 'GET /consolidation/{period}.xlsx', method: 'GET', action: 'read_zone', parkScoped: false, path: () => `/consolidation/${PERIOD}.xlsx`, ok: 200 },
  { name: 'GET /evaluation/{year}.xlsx', method: 'GET', action: 'read_zone', parkScoped: false, path: () => '/evaluation/2025.xlsx', ok: 200 },
  { name: 'POST /extract', method: 'POST', action: 'read_zone', parkScoped: false, path: () => '/extract', ok: 200 },
  // The catalogue: everyone signed in reads its audit list; only the consolidator onboards a plan (a draft that does not exist answers 404 to them).
  { name: 'GET /catalogue/versions', method: 'GET', action: 'read_reference', parkScoped: false, path: () => '/catalogue/versions', ok: 200 },
  { name: 'POST /onboarding', method: 'POST', action: 'edit_catalogue', parkScoped: false, path: () => '/onboarding', ok: 201 },
  { name: 'POST /onboarding/file', method: 'POST', action: 'edit_catalogue', parkScoped: false, path: () => '/onboarding/file', ok: 201 },
  { name: 'GET /onboarding/{draft}', method: 'GET', action: 'edit_catalogue', parkScoped: false, path: () => `/onboarding/${NO_DRAFT}`, ok: 'authorized' },
  { name: 'PUT /onboarding/{draft}', method: 'PUT', action: 'edit_catalogue', parkScoped: false, path: () => `/onboarding/${NO_DRAFT}`, ok: 'authorized' },
  {
    name: 'POST /onboarding/{draft}/publish',
    method: 'POST',
    action: 'edit_catalogue',
    parkScoped: false,
    path: () => `/onboarding/${NO_DRAFT}/publish`,
    ok: 'authorized',
  },
];

type Identity =
  | { kind: 'user'; role: Role; park: string; scope: 'own' | 'other' | 'zone' }
  | { kind: 'anonymous' | 'bad_signature' | 'expired' | 'principal_header' };

interface Case {
  label: string;
  endpoint: Endpoint;
  identity: Identity;
  /** The park in the path. */
  park: string;
  status: number | 'authorized';
  code: string | null;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const endpoint of ENDPOINTS) {
    for (const role of ROLES) {
      const roleOk = PERMISSIONS[endpoint.action].includes(role);
      const deny = (code: string) => ({ status: 403, code });
      if (!endpoint.parkScoped) {
        const park = PARKS[0]!;
        const expected = roleOk ? { status: endpoint.ok, code: null } : deny('forbidden_role');
        out.push({ label: `${endpoint.name} as ${role}`, endpoint, identity: { kind: 'user', role, park, scope: 'zone' }, park, ...expected });
        continue;
      }
      for (const [i, own] of PARKS.entries()) {
        const other = PARKS[(i + 1) % PARKS.length]!;
        for (const scope of ['own', 'other'] as const) {
          const target = scope === 'own' ? own : other;
          const expected = !roleOk
            ? deny('forbidden_role')
            : role !== 'consolidator' && scope === 'other'
              ? deny('forbidden_park')
              : { status: endpoint.ok, code: null };
          out.push({
            label: `${endpoint.name} as ${role} of ${own}, ${scope} park (${target})`,
            endpoint,
            identity: { kind: 'user', role, park: own, scope },
            park: target,
            ...expected,
          });
        }
      }
    }
    for (const kind of ['anonymous', 'bad_signature', 'expired', 'principal_header'] as const) {
      out.push({
        label: `${endpoint.name} with ${kind.replace('_', ' ')}`,
        endpoint,
        identity: { kind },
        park: PARKS[0]!,
        status: 401,
        code: kind === 'anonymous' || kind === 'principal_header' ? 'unauthenticated' : 'invalid_token',
      });
    }
  }
  return out;
}

const CASES = cases();
const MODES = ['dev-token', 'entra'] as const;
type Mode = (typeof MODES)[number];
let h: Harness;
let mode: Mode;
let base: string;
const valid: Record<string, ReturnInput> = {};
const blankWorkbook: Record<string, Uint8Array> = {};

async function setUp(next: Mode): Promise<void> {
  mode = next;
  h = await startHarness({}, { auth: next });
  base = h.api.url;
  // Every park has version 1 and a draft for the period, so reads and reviews have something to act on.
  for (const park of PARKS) {
    valid[park] = await makeValidReturn(base, h.tokens[`${park}-statistician`]!, park, PERIOD);
    const s = await call(base, 'submitReturn', { params: { park, period: PERIOD }, token: h.tokens[`${park}-statistician`]!, json: valid[park] });
    expect(s.status).toBe(201);
    const d = await call(base, 'saveDraft', {
      params: { park, period: PERIOD },
      token: h.tokens[`${park}-statistician`]!,
      json: { templateVersion: valid[park]!.templateVersion, figures: {} },
    });
    expect(d.status).toBe(200);
    const xlsx = await fetch(`${base}/templates/${park}/${PERIOD}.xlsx`, { headers: { authorization: `Bearer ${h.tokens['zone-consolidator']}` } });
    blankWorkbook[park] = new Uint8Array(await xlsx.arrayBuffer());
  }
}

async function headersFor(identity: Identity): Promise<Record<string, string>> {
  const sign = (secret: string, exp: number) =>
    new SignJWT({ role: 'consolidator', park: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer('zj-local')
      .setAudience('zj-api')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));
  switch (identity.kind) {
    case 'user': {
      const id = identity.role === 'consolidator' ? 'zone-consolidator' : `${identity.park}-${identity.role}`;
      return { authorization: `Bearer ${h.tokens[id]}` };
    }
    case 'anonymous':
      return {};
    case 'bad_signature':
      // Entra: a consolidator's claims signed by a key the tenant never published.
      if (mode === 'entra') return { authorization: `Bearer ${await h.provider!.mint('zone-consolidator', {}, 'foreign')}` };
      return { authorization: `Bearer ${await sign('not-the-secret-0123456789-0123456789', Math.floor(Date.now() / 1000) + 3600)}` };
    case 'expired': {
      const now = Math.floor(Date.now() / 1000);
      if (mode === 'entra')
        return { authorization: `Bearer ${await h.provider!.mint('zone-consolidator', { iat: now - 7200, nbf: now - 7200, exp: now - 600 })}` };
      return { authorization: `Bearer ${await sign(TEST_SECRET, now - 60)}` };
    }
    case 'principal_header': {
      // App Service's headers, sent by a client: never trusted unless AUTH_MODE=app-service.
      const principal = Buffer.from(JSON.stringify({ auth_typ: 'aad', claims: [] })).toString('base64');
      return { 'x-ms-client-principal': principal, 'x-ms-client-principal-id': 'x', 'x-ms-client-principal-name': 'zone-consolidator' };
    }
  }
}

async function bodyFor(c: Case): Promise<Pick<CallOptions, 'json' | 'raw'>> {
  const name = c.endpoint.name;
  if (name.endsWith('/upload')) return { raw: { body: blankWorkbook[c.park]!, contentType: XLSX } };
  if (name === 'POST /extract') return { json: { text: '到2026年,高新技术企业数量达到500家。' } };
  if (name === 'POST /onboarding') return { json: { fileName: 'plan.txt', text: '到2026年,高新技术企业数量达到500家。' } };
  if (name === 'POST /onboarding/file') return { raw: { body: PLAN_DOCX, contentType: 'application/octet-stream' } }; // no X-File-Name: the draft names it 'plan'
  if (name.startsWith('POST /onboarding/')) return { json: { reason: 'test' } };
  const json = await jsonFor(c);
  return json === undefined ? {} : { json };
}

async function jsonFor(c: Case): Promise<unknown> {
  const name = c.endpoint.name;
  if (name.endsWith('/validate') || name === 'POST /returns/{park}/{period}' || name.startsWith('PUT /returns')) return valid[c.park];
  if (name.endsWith('/review')) {
    // A successful review needs a version no one has reviewed yet: submit one first.
    if (c.status === 201) {
      const s = await call(base, 'submitReturn', { params: { park: c.park, period: PERIOD }, token: h.tokens[`${c.park}-statistician`]!, json: valid[c.park] });
      return { version: s.body.version, decision: 'approve', comment: 'ok' };
    }
    return { version: 1, decision: 'approve', comment: 'ok' };
  }
  return c.endpoint.method === 'POST' ? {} : undefined;
}

describe.each(MODES)(`permission matrix: ${CASES.length} cases, AUTH_MODE=%s`, (next) => {
  beforeAll(() => setUp(next), 180_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('covers every endpoint, role and scope', () => {
    expect(new Set(CASES.map((c) => c.endpoint.name)).size).toBe(ENDPOINTS.length);
    // 10 park endpoints × 3 roles × 5 parks × own/other + 17 zone and catalogue endpoints × 3 roles + 27 endpoints × 4 forged identities
    expect(CASES).toHaveLength(10 * 3 * PARKS.length * 2 + 17 * 3 + 27 * 4);
  });

  it('has every route of the table that needs a user, once', () => {
    const covered = ENDPOINTS.map((e) => routeOf(e.method, e.path(PARKS[0]!)));
    expect(covered.sort()).toEqual(ROUTE_NAMES.filter((n) => ROUTES[n].auth).sort());
  });

  it.each(CASES)('$label → $status', async (c) => {
    const r = await call(base, c.endpoint.method, c.endpoint.path(c.park), { headers: await headersFor(c.identity), ...(await bodyFor(c)) });
    if (c.status === 'authorized') expect([401, 403], JSON.stringify(r.body)).not.toContain(r.status);
    else expect(r.status, typeof r.body === 'string' ? r.body.slice(0, 200) : JSON.stringify(r.body)).toBe(c.status);
    if (c.code !== null) {
      expect(r.error?.code).toBe(c.code);
      expect(r.error?.message.zh).not.toBe('');
      expect(r.error?.message.en).not.toBe('');
    }
    if (c.endpoint.name.startsWith('GET /status') && c.identity.kind === 'user' && r.status === 200) {
      const shown = r.body.parks.map((p: { park: string }) => p.park);
      expect(shown).toEqual(c.identity.role === 'consolidator' ? PARKS : [c.identity.park]);
    }
  });
});
