import type { TemplateModel } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registration as getConsolidationRoute } from '../src/functions/get-consolidation.js';
import { registration as getEvaluationRoute } from '../src/functions/get-evaluation.js';
import { registration as getTemplateRoute } from '../src/functions/get-template.js';
import { compileRoute } from '../src/local/route-template.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

// Each endpoint over real HTTP, against a real Azurite.
let h: Harness;
let base: string;
let parks: string[];
const token = (id: string) => h.tokens[id]!;
const stat = (park: string) => token(`${park}-statistician`);
const reviewer = (park: string) => token(`${park}-reviewer`);
const zone = () => token('zone-consolidator');

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
  parks = h.users.filter((u) => u.role === 'statistician').map((u) => u.park!);
});
afterAll(async () => {
  await h?.stop();
});

describe('reference data', () => {
  it('GET /parks lists the catalogue parks', async () => {
    const r = await call(base, 'getParks', { token: stat(parks[0]!) });
    expect(r.status).toBe(200);
    expect(r.body.parks.map((p: { code: string }) => p.code)).toEqual(parks);
  });

  it('GET /catalogue has indicators and targets', async () => {
    const r = await call(base, 'getCatalogue', { token: zone() });
    expect(r.status).toBe(200);
    expect(r.body.indicators.length).toBeGreaterThan(0);
    expect(r.body.targets.length).toBeGreaterThan(0);
  });
});

describe('templates', () => {
  it('GET /templates/{park}/{period} answers the model with its version as ETag', async () => {
    const r = await call(base, 'getTemplate', { params: { park: parks[0]!, period: '2025' }, token: stat(parks[0]!) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ park: parks[0]!, period: '2025', periodDays: 365 });
    expect(r.body.version).toMatch(/^[0-9a-f]{64}$/);
    expect(r.headers.get('etag')).toBe(`"${r.body.version}"`);
  });

  it('answers 304 Not Modified, with its ETag and no body, when If-None-Match names the current version (JSON and .xlsx)', async () => {
    const park = parks[0]!;
    const first = await call(base, 'getTemplate', { params: { park, period: '2025' }, token: stat(park) });
    const etag = first.headers.get('etag')!;
    for (const route of ['getTemplate', 'getTemplateXlsx'] as const) {
      // As browsers and caches send it: the tag itself, weak, in a list, or any.
      for (const ifNoneMatch of [etag, `W/${etag}`, `"0000", ${etag}`, '*']) {
        const r = await call(base, route, { params: { park, period: '2025' }, token: stat(park), headers: { 'if-none-match': ifNoneMatch } });
        expect([route, ifNoneMatch, r.status]).toEqual([route, ifNoneMatch, 304]);
        expect(r.headers.get('etag')).toBe(etag);
        expect(r.body).toBeNull();
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      }
      // Another version's tag: the whole answer.
      const stale = await call(base, route, { params: { park, period: '2025' }, token: stat(park), headers: { 'if-none-match': '"0000"' } });
      expect(stale.status).toBe(200);
      expect(stale.headers.get('etag')).toBe(etag);
    }
    // A 304 is no way round the checks: another park's statistician still gets 403, signed out 401.
    const other = await call(base, 'getTemplate', { params: { park: parks[1]!, period: '2025' }, token: stat(park), headers: { 'if-none-match': '*' } });
    expect(other.error?.code).toBe('forbidden_park');
    const anonymous = await call(base, 'getTemplate', { params: { park, period: '2025' }, token: null, headers: { 'if-none-match': etag } });
    expect(anonymous.status).toBe(401);
  });

  it('quarterly periods have their days', async () => {
    const r = await call(base, 'getTemplate', { params: { park: parks[0]!, period: '2024Q1' }, token: stat(parks[0]!) });
    expect(r.body).toMatchObject({ period: '2024Q1', periodDays: 91, previousPeriod: null });
  });

  it('leaves {period}.xlsx to another function: the JSON route does not take it', async () => {
    for (const route of [getTemplateRoute, getConsolidationRoute, getEvaluationRoute]) {
      expect(compileRoute(route.route).match(`${route.route.replace(/\{(\w+)(:[^}]*)?\}/g, '2025').replace(/^/, '/')}.xlsx`)).toBeNull();
    }
    const r = await call(base, 'getTemplateXlsx', { params: { park: parks[0]!, period: '2025' }, token: stat(parks[0]!) });
    if (r.status === 404) expect(r.error?.code).toBe('route_not_found');
    else expect(r.headers.get('content-type')).not.toMatch(/json/); // the workbook function answered
  });
});

describe('validate, submit, read back', () => {
  const period = '2024';

  it('validate stores nothing', async () => {
    const park = parks[1]!;
    const input = await makeValidReturn(base, stat(park), park, period);
    const v = await call(base, 'validateReturn', { params: { park, period }, token: stat(park), json: input });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ acceptable: true, stale: false, locked: false, errorCount: 0 });
    const r = await call(base, 'getReturn', { params: { park, period }, token: stat(park) });
    expect(r.body).toMatchObject({ state: expect.stringMatching(/not_started|late/), latest: null, versions: [] });
  });

  it('submit answers a receipt; the version keeps the figures as sent and the parsed values', async () => {
    const park = parks[0]!;
    const input = await makeValidReturn(base, stat(park), park, period);
    input.figures = Object.fromEntries(Object.entries(input.figures).map(([k, v]) => [k, String(v)])); // text, as a sheet gives it
    const s = await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ park, period, version: 1, templateVersion: input.templateVersion, submittedBy: { id: `${park}-statistician` } });
    expect(s.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.body.explanations).toEqual(input.explanations);
    expect(s.headers.get('location')).toBe(`/api/returns/${park}/${period}/versions/1`);

    const v = await call(base, 'getReturnVersion', { params: { park, period, version: '1' }, token: reviewer(park) });
    expect(v.status).toBe(200);
    expect(v.body.input).toEqual(input);
    expect(Object.values(v.body.values).some((x) => x === 10)).toBe(true);
    expect(v.body).toMatchObject({ version: 1, contentHash: s.body.contentHash, source: 'api' });

    const g = await call(base, 'getReturn', { params: { park, period }, token: zone() });
    expect(g.body).toMatchObject({ state: 'submitted', latest: { version: 1 }, versions: [{ version: 1 }] });
  });

  it('a second submission is version 2; version 1 is still there, unchanged', async () => {
    const park = parks[0]!;
    const before = await call(base, 'getReturnVersion', { params: { park, period, version: '1' }, token: stat(park) });
    const input = await makeValidReturn(base, stat(park), park, period, 11);
    const s = await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input, headers: { 'x-client': 'addin' } });
    expect(s.body.version).toBe(2);
    const after = await call(base, 'getReturnVersion', { params: { park, period, version: '1' }, token: stat(park) });
    expect(after.body).toEqual(before.body);
    const v2 = await call(base, 'getReturnVersion', { params: { park, period, version: '2' }, token: stat(park) });
    expect(v2.body.source).toBe('addin');
    const list = await call(base, 'getReturn', { params: { park, period }, token: stat(park) });
    expect(list.body.versions.map((x) => x.version)).toEqual([1, 2]);
    expect(list.body.latest?.version).toBe(2);
  });

  it('an unknown version is 404, a malformed one 400', async () => {
    const park = parks[0]!;
    expect((await call(base, 'getReturnVersion', { params: { park, period, version: '99' }, token: stat(park) })).error?.code).toBe('version_not_found');
    expect((await call(base, 'getReturnVersion', { params: { park, period, version: '0' }, token: stat(park) })).error?.code).toBe('invalid_version');
  });

  it("the next period's template carries the previous values and the baselines", async () => {
    const park = parks[0]!;
    const t = await call(base, 'getTemplate', { params: { park, period: '2025' }, token: stat(park) });
    expect(t.body.previousPeriod).toBe('2024');
    const typed = t.body.fields.filter((f) => !f.derived);
    expect(typed.every((f) => f.previous === 11)).toBe(true);
    for (const f of typed.filter((x) => x.baseline !== null && x.measure !== 'cumulative')) expect(f.baseline!.value).toBe(11);
  });

  it('an Idempotency-Key replays the same receipt and stores nothing new', async () => {
    const park = parks[2]!;
    const input = await makeValidReturn(base, stat(park), park, period);
    const headers = { 'idempotency-key': 'retry-me-0001' };
    const first = await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input, headers });
    const again = await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const reused = await call(base, 'submitReturn', {
      params: { park, period },
      token: stat(park),
      json: { ...input, explanations: { ...input.explanations, x: 'changed' } },
      headers,
    });
    expect(reused.status).toBe(409);
    expect(reused.error?.code).toBe('idempotency_key_reused');
    const list = await call(base, 'getReturn', { params: { park, period }, token: stat(park) });
    expect(list.body.versions).toHaveLength(1);
  });
});

describe('review', () => {
  const period = '2024Q2';

  it('approve; then a reviewed version waits for a new submission', async () => {
    const park = parks[3]!;
    const input = await makeValidReturn(base, stat(park), park, period);
    await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    const a = await call(base, 'reviewReturn', {
      params: { park, period },
      token: reviewer(park),
      json: { version: 1, decision: 'approve', comment: '数据无误' },
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ version: 1, decision: 'approve', by: { id: `${park}-reviewer` } });
    const again = await call(base, 'reviewReturn', { params: { park, period }, token: reviewer(park), json: { version: 1, decision: 'return', comment: 'x' } });
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe('review_not_pending');
    const g = await call(base, 'getReturn', { params: { park, period }, token: stat(park) });
    expect(g.body).toMatchObject({ state: 'approved', reviews: [{ version: 1, decision: 'approve', comment: '数据无误' }] });
  });

  it('return needs a comment; a returned park resubmits and is submitted again', async () => {
    const park = parks[4]!;
    const input = await makeValidReturn(base, stat(park), park, period);
    await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    const noComment = await call(base, 'reviewReturn', { params: { park, period }, token: reviewer(park), json: { version: 1, decision: 'return' } });
    expect(noComment.error?.code).toBe('review_comment_required');
    const back = await call(base, 'reviewReturn', {
      params: { park, period },
      token: reviewer(park),
      json: { version: 1, decision: 'return', comment: '研发经费请核实' },
    });
    expect(back.status).toBe(201);
    expect((await call(base, 'getReturn', { params: { park, period }, token: stat(park) })).body.state).toBe('returned');
    await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    expect((await call(base, 'getReturn', { params: { park, period }, token: stat(park) })).body.state).toBe('submitted');
    const old = await call(base, 'reviewReturn', { params: { park, period }, token: reviewer(park), json: { version: 1, decision: 'approve' } });
    expect(old.error?.code).toBe('review_not_latest');
  });

  it('reviewing a return never submitted is 404', async () => {
    const r = await call(base, 'reviewReturn', {
      params: { park: parks[0]!, period: '2023Q1' },
      token: reviewer(parks[0]!),
      json: { version: 1, decision: 'approve' },
    });
    expect(r.status).toBe(404);
    expect(r.error?.code).toBe('return_not_found');
  });
});

describe('status, locks, consolidation, evaluation', () => {
  it('GET /status/{period}: every park for the consolidator, only its own for a park user', async () => {
    const all = await call(base, 'getStatus', { params: { period: '2024Q2' }, token: zone() });
    expect(all.status).toBe(200);
    const states = Object.fromEntries(all.body.parks.map((p: { park: string; state: string }) => [p.park, p.state]));
    expect(states[parks[3]!]).toBe('approved');
    expect(states[parks[4]!]).toBe('submitted');
    expect(states[parks[0]!]).toMatch(/not_started|late/);
    const own = await call(base, 'getStatus', { params: { period: '2024Q2' }, token: stat(parks[3]!) });
    expect(own.body.parks.map((p: { park: string }) => p.park)).toEqual([parks[3]]);
  });

  it('a period long past its due date with nothing submitted is late', async () => {
    const r = await call(base, 'getStatus', { params: { period: '2023' }, token: zone() });
    expect(r.body.parks.every((p: { state: string }) => p.state === 'late')).toBe(true);
  });

  it('lock refuses submissions (423), unlock accepts them again; the lock shows everywhere', async () => {
    const park = parks[1]!;
    const period = '2024Q3';
    const input = await makeValidReturn(base, stat(park), park, period);
    const lock = await call(base, 'lockPeriod', { params: { period }, token: zone() });
    expect(lock.status).toBe(200);
    expect(lock.body).toMatchObject({ period, locked: true, by: { id: 'zone-consolidator' } });
    const refused = await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    expect(refused.status).toBe(423);
    expect(refused.error?.code).toBe('period_locked');
    expect((await call(base, 'getStatus', { params: { period }, token: zone() })).body.locked).toBe(true);
    expect((await call(base, 'validateReturn', { params: { park, period }, token: stat(park), json: input })).body.locked).toBe(true);
    const unlock = await call(base, 'unlockPeriod', { params: { period }, token: zone() });
    expect(unlock.body).toMatchObject({ locked: false });
    expect((await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input })).status).toBe(201);
  });

  it('GET /consolidation/{period} consolidates the latest (accepted) versions and names them', async () => {
    const r = await call(base, 'getConsolidation', { params: { period: '2024' }, token: zone() });
    expect(r.status).toBe(200);
    expect(r.body.period).toBe('2024');
    expect(r.body.sources).toEqual(
      expect.arrayContaining([
        { park: parks[0], version: 2 },
        { park: parks[2], version: 1 },
      ]),
    );
    expect(r.body.rows.length).toBeGreaterThan(0);
  });

  it('GET /evaluation/{year} evaluates every target and names the versions read', async () => {
    const r = await call(base, 'getEvaluation', { params: { year: '2024' }, token: zone() });
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(2024);
    expect(r.body.evaluations.length).toBeGreaterThan(0);
    // Only parks whose plan has started by 2024 are evaluated; each source is that park's latest
    // version (none was returned: accepted-version.test.ts covers returns).
    expect(r.body.sources.length).toBeGreaterThan(0);
    for (const source of r.body.sources) {
      const latest = await call(base, 'getReturn', { params: { park: source.park, period: '2024' }, token: zone() });
      expect(source.version).toBe(latest.body.latest?.version);
    }
  });
});

describe('the adapter', () => {
  it('answers an unknown route 404 and a wrong method 405, in JSON', async () => {
    const a = await call(base, 'GET', '/nothing-here', { token: zone() });
    expect(a.status).toBe(404);
    expect(a.error?.code).toBe('route_not_found');
    const b = await call(base, 'DELETE', `/returns/${parks[0]}/2024`, { token: zone() });
    expect(b.status).toBe(405);
    expect(b.error?.code).toBe('method_not_allowed');
    expect(b.headers.get('allow')).toContain('POST');
  });

  it('knows the sign-in, catalogue and onboarding routes: 405 with their methods (and OPTIONS, the preflight) in Allow, 404 beyond them', async () => {
    const draft = '2f1c6a52-3c1e-4a7b-9d55-0c1f1b8f0e2a';
    for (const [method, path, allow] of [
      ['POST', '/auth-info', 'GET, HEAD, OPTIONS'],
      ['PUT', '/me', 'GET, HEAD, OPTIONS'],
      ['POST', '/catalogue', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/catalogue/versions', 'GET, HEAD, OPTIONS'],
      ['GET', '/onboarding', 'POST, OPTIONS'],
      ['DELETE', `/onboarding/${draft}`, 'GET, HEAD, PUT, OPTIONS'],
      ['GET', `/onboarding/${draft}/publish`, 'POST, OPTIONS'],
    ] as const) {
      const r = await call(base, method, path, { token: zone() });
      expect([method, path, r.status, r.error?.code]).toEqual([method, path, 405, 'method_not_allowed']);
      expect([path, r.headers.get('allow')]).toEqual([path, allow]);
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
    for (const path of ['/onboarding/a/b/c', '/catalogue/versions/1', '/me/park']) {
      const r = await call(base, 'GET', path, { token: zone() });
      expect([path, r.status, r.error?.code]).toEqual([path, 404, 'route_not_found']);
    }
  });

  it('answers HEAD like GET, without a body: the same status and headers (as the host does for a GET route)', async () => {
    const path = `/templates/${parks[0]}/2025`;
    const get = await call<TemplateModel>(base, 'GET', path, { token: stat(parks[0]!) });
    const head = await call(base, 'HEAD', path, { token: stat(parks[0]!) });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    const xlsx = await call(base, 'HEAD', `${path}.xlsx`, { token: stat(parks[0]!) });
    expect(xlsx.status).toBe(200);
    expect(xlsx.body).toBeNull();
    // Refusals too: a status and headers, no body.
    const forbidden = await call(base, 'getTemplate', { params: { park: parks[1]!, period: '2025' }, head: true, token: stat(parks[0]!) });
    expect([forbidden.status, forbidden.body]).toEqual([403, null]);
    const missing = await call(base, 'HEAD', '/nothing-here', { token: zone() });
    expect([missing.status, missing.body]).toEqual([404, null]);
    const post = await call(base, 'HEAD', `/returns/${parks[0]}/2024/review`, { token: zone() });
    expect([post.status, post.body]).toEqual([405, null]);
    expect(post.headers.get('allow')).toContain('POST');
  });

  it('says a year out of range is out of range (2000-2099), with the same stable code', async () => {
    const period = await call(base, 'getTemplate', { params: { park: parks[0]!, period: '1999' }, token: stat(parks[0]!) });
    expect(period.status).toBe(400);
    expect(period.error?.code).toBe('invalid_period');
    expect(period.error?.message.zh).toContain('2000至2099');
    expect(period.error?.message.en).toContain('between 2000 and 2099');
    expect(period.error?.issues?.map((i) => i.code)).toEqual(['period_year_out_of_range']);
    const year = await call(base, 'getEvaluation', { params: { year: '1999' }, token: zone() });
    expect([year.status, year.error?.code]).toEqual([400, 'invalid_year']);
    expect(year.error?.message.en).toContain('between 2000 and 2099');
    // A malformed period keeps the hint on how to write one.
    const malformed = await call(base, 'getTemplate', { params: { park: parks[0]!, period: '2025Q5' }, token: stat(parks[0]!) });
    expect(malformed.error?.message.zh).toContain('2025Q3');
  });

  // CORS_ORIGINS is not set here, as on a fresh clone: the pane is served beside the API, so no
  // other origin is let in, and never `*` (test/http-security.test.ts: a configured origin).
  it('lets no other origin call it by default: no CORS answer to a preflight or to a call with a token', async () => {
    const preflight = await fetch(`${base}/returns/${parks[0]}/2024`, {
      method: 'OPTIONS',
      headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    const r = await call(base, 'getParks', { token: zone(), headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('access-control-expose-headers')).toBeNull();
  });
});

describe('error messages a Chinese desk reads', () => {
  // zh names parks, roles and review decisions in Chinese, never by their codes; en in English.
  it.each([
    [
      'another park’s return',
      () => call(base, 'getReturn', { params: { park: 'jinshan', period: '2024' }, token: stat('minhang') }),
      'forbidden_park',
      ['闵行园', '金山园'],
      ['Minhang Park', 'Jinshan Park'],
    ],
    [
      'a role that may not submit',
      () => call(base, 'submitReturn', { params: { park: 'jinshan', period: '2024' }, token: reviewer('jinshan'), jsonAsIs: {} }),
      'forbidden_role',
      ['园区审核员'],
      ['park reviewer'],
    ],
    [
      'a version that does not exist',
      () => call(base, 'getReturnVersion', { params: { park: 'jinshan', period: '2023Q1', version: '9' }, token: stat('jinshan') }),
      'version_not_found',
      ['金山园 2023Q1'],
      ['Jinshan Park 2023Q1'],
    ],
    [
      'a draft never saved',
      () => call(base, 'getDraft', { params: { park: 'jinshan', period: '2023Q1' }, token: stat('jinshan') }),
      'draft_not_found',
      ['金山园 2023Q1'],
      ['Jinshan Park 2023Q1'],
    ],
    [
      'a review of a return never submitted',
      () =>
        call(base, 'reviewReturn', { params: { park: 'jinshan', period: '2023Q1' }, token: reviewer('jinshan'), json: { version: 1, decision: 'approve' } }),
      'return_not_found',
      ['金山园 2023Q1'],
      ['Jinshan Park 2023Q1'],
    ],
  ])('%s', async (_name, send, code, zh, en) => {
    const r = await send();
    expect(r.error?.code).toBe(code);
    for (const text of zh) expect(r.error?.message.zh).toContain(text);
    for (const text of en) expect(r.error?.message.en).toContain(text);
    expect(r.error?.message.zh).not.toMatch(/jinshan|minhang|statistician|reviewer|consolidator/);
  });

  it('a review of a version already reviewed says how it was reviewed', async () => {
    const park = parks[1]!;
    const period = '2023Q4';
    const input = await makeValidReturn(base, stat(park), park, period);
    await call(base, 'submitReturn', { params: { park, period }, token: stat(park), json: input });
    await call(base, 'reviewReturn', { params: { park, period }, token: reviewer(park), json: { version: 1, decision: 'approve' } });
    const again = await call(base, 'reviewReturn', { params: { park, period }, token: reviewer(park), json: { version: 1, decision: 'approve' } });
    expect(again.error?.code).toBe('review_not_pending');
    expect(again.error?.message.zh).toContain('审核通过');
    expect(again.error?.message.zh).not.toContain('approve');
    expect(again.error?.message.en).toContain('approved');
  });
});
