import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Actor, OnboardingReview } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { call, startHarness, TEST_SECRET, type Harness } from './helpers/harness.js';
import { TECH_CONTRACT_VALUE } from './helpers/tech-contract-indicator.js';
import { makeValidReturn } from './helpers/valid-return.js';

/**
 * Onboarding a sixth park from its plan, as the consolidator does it, over real HTTP against
 * Azurite: the plan's text uploaded, the proposals reviewed (accepted, one edited, one rejected,
 * one mapped onto a new indicator), published as catalogue version 2; then the new park's
 * template, a return submitted and approved, and the park in the consolidated and evaluation
 * workbooks. The plan (shared/src/onboarding/__fixtures__/songjiang-plan.txt) is not one of the
 * five seeds: a notice, goals, task paragraphs and past results that must not be proposed.
 */
const PLAN = readFileSync(new URL('../../shared/src/onboarding/__fixtures__/songjiang-plan.txt', import.meta.url), 'utf8');

let h: Harness;
let base: string;
let consolidator: string;
const songjiangStatistician: Actor = { id: 'songjiang-statistician', name: '松江园统计员', role: 'statistician', park: 'songjiang' };
const songjiangReviewer: Actor = { id: 'songjiang-reviewer', name: '松江园审核', role: 'reviewer', park: 'songjiang' };

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
  consolidator = h.tokens['zone-consolidator']!;
});
afterAll(async () => {
  await h?.stop();
});

/** The consolidator's review in the pane: accept the goals (comparing definitions kept apart), define 技术合同成交额, reject the task figure in 场. */
function review(start: OnboardingReview): OnboardingReview {
  return {
    plan: { ...start.plan, park: 'songjiang', name: { zh: '松江园', en: 'Songjiang Park' }, district: { zh: '松江区', en: 'Songjiang District' } },
    newIndicators: [TECH_CONTRACT_VALUE],
    items: start.items.map((item) => {
      if (item.unitCode === null) return { ...item, decision: 'rejected' };
      if (item.indicator === null) return { ...item, decision: 'accepted', indicator: 'tech_contract_value' };
      if (item.indicator === 'unicorn_hidden_champion') return { ...item, decision: 'accepted', note: '“独角兽”与“隐形冠军”合计。' };
      return { ...item, decision: 'accepted', confirmedApart: true };
    }),
  };
}

describe('onboarding a park from its plan, over HTTP against Azurite', () => {
  let draftId = '';
  let publishedMs = 0;

  it('seeds catalogue version 1 on first start, and the audit list says so', async () => {
    const history = await call(base, 'getCatalogueHistory', { token: consolidator });
    expect(history.status).toBe(200);
    expect(history.body.current).toBe(1);
    expect(history.body.versions).toEqual([
      expect.objectContaining({ version: 1, by: 'system', parks: ['jinshan', 'minhang', 'fengxian', 'jinqiao', 'qingpu'] }),
    ]);
    const catalogue = await call(base, 'getCatalogue', { token: h.tokens['jinshan-statistician']! });
    expect(catalogue.body.version).toBe(1);
  });

  it('refuses a text with no quantified target, and only the consolidator may onboard', async () => {
    const none = await call(base, 'startOnboarding', {
      token: consolidator,
      json: { fileName: 'notice.txt', text: '关于做好2025年统计工作的通知\n请各园区按时报送。' },
    });
    expect(none.status).toBe(422);
    expect(none.error?.code).toBe('plan_no_targets');
    expect(none.error?.message.zh).toContain('量化目标');
    const statistician = await call(base, 'startOnboarding', { token: h.tokens['jinshan-statistician']!, json: { fileName: 'p.txt', text: PLAN } });
    expect(statistician.status).toBe(403);
  });

  it('uploads the plan, reviews the proposals and publishes a new catalogue version', async () => {
    const t0 = performance.now();
    const started = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: '张江高新区松江园改革创新发展行动方案.txt', text: PLAN } });
    expect(started.status).toBe(201);
    draftId = started.body.id;
    expect(started.headers.get('location')).toBe(`/api/onboarding/${draftId}`);
    expect(started.body.review.plan).toMatchObject({
      mode: 'new',
      name: { zh: '松江园' },
      documentNumber: '松府发〔2025〕8号',
      startYear: 2025,
      endYear: 2026,
    });
    expect(started.body.proposals).toHaveLength(9);
    // Past results (2024年…1320亿元, 1150家, 3.8%) are not proposed.
    expect(started.body.proposals.map((p) => p.value)).not.toContain(1320);
    expect(started.body.issues.map((i) => i.code)).toContain('onboarding_park_code_invalid'); // nothing decided yet

    // A quote edited into something the plan does not say is refused, and nothing is published.
    const reviewed = review(started.body.review);
    const bad = structuredClone(reviewed);
    bad.items[0]!.quote = '有效期内高新技术企业数量达到1500家';
    bad.items[8] = { ...bad.items[8]!, decision: 'accepted', indicator: 'tech_contract_value' };
    const saved = await call(base, 'saveOnboarding', {
      params: { draft: draftId },
      token: consolidator,
      json: bad,
      headers: { 'if-match': started.body.etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['onboarding_quote_not_in_plan', 'items.0.quote'],
        ['onboarding_unknown_unit', 'items.8.unitCode'],
      ]),
    );
    const refused = await call(base, 'publishOnboarding', { params: { draft: draftId }, token: consolidator, json: { reason: '新增松江园' } });
    expect(refused.status).toBe(422);
    expect(refused.error?.code).toBe('onboarding_not_publishable');
    expect(refused.error?.issues?.map((i) => i.code)).toContain('onboarding_quote_not_in_plan');
    expect((await call(base, 'getCatalogueHistory', { token: consolidator })).body.current).toBe(1);

    // The review as the consolidator finishes it: kept on the server, read back as saved.
    const good = await call(base, 'saveOnboarding', {
      params: { draft: draftId },
      token: consolidator,
      json: reviewed,
      headers: { 'if-match': saved.body.etag },
    });
    expect(good.body.issues).toEqual([]);
    const reopened = await call(base, 'getOnboarding', { params: { draft: draftId }, token: consolidator });
    expect(reopened.body.review).toEqual(reviewed);
    expect(reopened.body.text).toBe(PLAN);

    const published = await call(base, 'publishOnboarding', {
      params: { draft: draftId },
      token: consolidator,
      json: { reason: '新增松江园(松府发〔2025〕8号)' },
    });
    publishedMs = performance.now() - t0;
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 2, park: 'songjiang', targets: 8, indicatorsAdded: ['tech_contract_value'] });
    console.log(`upload → published over HTTP (upload, 2 saves, read, 2 publishes): ${publishedMs.toFixed(0)} ms`);

    const history = await call(base, 'getCatalogueHistory', { token: h.tokens['qingpu-reviewer']! });
    expect(history.body.current).toBe(2);
    expect(history.body.versions[1]).toMatchObject({ version: 2, by: 'zone-consolidator', reason: '新增松江园(松府发〔2025〕8号)', parks: ['songjiang'] });
    const gone = await call(base, 'getOnboarding', { params: { draft: draftId }, token: consolidator });
    expect(gone.status).toBe(404);
    expect(gone.error?.code).toBe('onboarding_not_found');
  });

  it('the new park has a template, its return is validated, stored with the catalogue version, and consolidated and evaluated', async () => {
    const statistician = await signDevToken(TEST_SECRET, songjiangStatistician);
    const reviewer = await signDevToken(TEST_SECRET, songjiangReviewer);
    const template = await call(base, 'getTemplate', { params: { park: 'songjiang', period: '2026' }, token: statistician });
    expect(template.status).toBe(200);
    expect(template.body.catalogueVersion).toBe(2);
    expect(template.body.parkName.zh).toBe('松江园');
    const tech = template.body.fields.find((f) => f.key === 'tech_contract_value')!;
    expect(tech.targets).toEqual([expect.objectContaining({ year: 2026, quote: '技术合同成交额达到80亿元' })]);

    const input = await makeValidReturn(base, statistician, 'songjiang', '2026', 20);
    const submitted = await call(base, 'submitReturn', { params: { park: 'songjiang', period: '2026' }, token: statistician, json: input });
    expect(submitted.status).toBe(201);
    expect(submitted.body.catalogueVersion).toBe(2);
    const approved = await call(base, 'reviewReturn', {
      params: { park: 'songjiang', period: '2026' },
      token: reviewer,
      json: { version: 1, decision: 'approve', comment: '数据无误' },
    });
    expect(approved.status).toBe(201);

    const consolidation = await call(base, 'getConsolidation', { params: { period: '2026' }, token: consolidator });
    expect(consolidation.body.catalogueVersion).toBe(2);
    expect(consolidation.body.sources).toEqual(expect.arrayContaining([{ park: 'songjiang', version: 1 }]));
    const evaluation = await call(base, 'getEvaluation', { params: { year: '2026' }, token: consolidator });
    expect(evaluation.body.evaluations.filter((e) => e.park === 'songjiang')).toHaveLength(8);

    for (const [route, params, sheet] of [
      ['getConsolidationXlsx', { period: '2026' }, '松江园'],
      ['getEvaluationXlsx', { year: '2026' }, '松江园'],
    ] as const) {
      const file = await call(base, route, { params: params as never, token: consolidator });
      expect(file.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.body as unknown as ArrayBuffer);
      const ws = wb.worksheets.find((w) => w.name.includes(sheet));
      expect(ws, `${route}: sheets ${wb.worksheets.map((w) => w.name).join(', ')}`).toBeDefined();
      const texts: string[] = [];
      ws!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
      expect(texts.join('|')).toContain('技术合同成交额');
      if (process.env.ONBOARDING_WORKBOOKS_DIR) await wb.xlsx.writeFile(`${process.env.ONBOARDING_WORKBOOKS_DIR}/${route}.xlsx`);
    }
  });

  it('two consolidators publishing at once: one wins, the other is told, nothing half-published', async () => {
    const text = PLAN.replaceAll('松江', '嘉定');
    const a = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: 'a.txt', text } });
    const b = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: 'b.txt', text } });
    for (const [draft, code] of [
      [a.body, 'jiading'],
      [b.body, 'jiading_b'],
    ] as const) {
      const r = review(draft.review);
      r.plan = { ...r.plan, park: code, name: { zh: code === 'jiading' ? '嘉定园' : '嘉定二园', en: `${code} Park` } };
      r.newIndicators = [
        { ...r.newIndicators[0]!, code: `tech_contract_value_${code}`, name: { zh: `技术合同成交额(${code})`, en: `Technology contracts (${code})` } },
      ];
      r.items = r.items.map((i) => (i.indicator === 'tech_contract_value' ? { ...i, indicator: `tech_contract_value_${code}` } : i));
      expect(
        (await call(base, 'saveOnboarding', { params: { draft: draft.id }, token: consolidator, json: r, headers: { 'if-match': draft.etag } })).body.issues,
      ).toEqual([]);
    }
    const [ra, rb] = await Promise.all([
      call(base, 'publishOnboarding', { params: { draft: a.body.id }, token: consolidator, json: { reason: 'a' } }),
      call(base, 'publishOnboarding', { params: { draft: b.body.id }, token: consolidator, json: { reason: 'b' } }),
    ]);
    const statuses = [ra.status, rb.status].sort();
    const history = await call(base, 'getCatalogueHistory', { token: consolidator });
    if (statuses[0] === 201 && statuses[1] === 201) {
      // The second read the head after the first had moved it: two versions, one after the other.
      expect(history.body.versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    } else {
      expect(statuses).toEqual([201, 409]);
      const loser = ra.status === 409 ? ra : rb;
      expect(loser.error?.code).toBe('catalogue_conflict');
      expect(loser.error?.message.zh).toContain('本次发布未保存');
      expect(history.body.versions.map((v) => v.version)).toEqual([1, 2, 3]);
      const catalogue = await call(base, 'getCatalogue', { token: consolidator });
      const winner = ra.status === 201 ? 'jiading' : 'jiading_b';
      expect(catalogue.body.parks.map((p) => p.code)).toEqual(['jinshan', 'minhang', 'fengxian', 'jinqiao', 'qingpu', 'songjiang', winner]);
      // The loser's draft is kept: it can be published on the new version.
      const again = await call(base, 'publishOnboarding', {
        params: { draft: (ra.status === 409 ? a : b).body.id },
        token: consolidator,
        json: { reason: 'again' },
      });
      expect(again.status).toBe(201);
    }
  });

  it('refuses a duplicate park', async () => {
    const again = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: 'again.txt', text: PLAN } });
    expect(again.body.review.plan).toMatchObject({ mode: 'replace', park: 'songjiang' });
    const r = review(again.body.review);
    r.plan = { ...r.plan, mode: 'new' };
    const saved = await call(base, 'saveOnboarding', {
      params: { draft: again.body.id },
      token: consolidator,
      json: r,
      headers: { 'if-match': again.body.etag },
    });
    expect(saved.body.issues.map((i) => i.code)).toContain('onboarding_duplicate_park');
  });

  it('refuses half a character (a lone UTF-16 surrogate) in a plan, a review or a reason: 400 invalid_body, the draft and the catalogue as they were', async () => {
    const plan = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: 'p.txt', text: `${PLAN}\ud800` } });
    expect([plan.status, plan.error?.code, plan.error?.issues?.[0]?.path]).toEqual([400, 'invalid_body', 'text']);
    const name = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: '\udc00.txt', text: PLAN } });
    expect([name.status, name.error?.code]).toEqual([400, 'invalid_body']);

    const started = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: 'p.txt', text: PLAN } });
    const draft = started.body.id;
    const before = await call(base, 'getOnboarding', { params: { draft }, token: consolidator });
    const broken = structuredClone(before.body.review);
    broken.items[0]!.note = '合计\ud83d';
    const saved = await call(base, 'saveOnboarding', { params: { draft }, token: consolidator, json: broken, headers: { 'if-match': before.body.etag } });
    expect([saved.status, saved.error?.code, saved.error?.issues?.[0]?.path]).toEqual([400, 'invalid_body', 'items.0.note']);
    expect((await call(base, 'getOnboarding', { params: { draft }, token: consolidator })).body.review).toEqual(before.body.review);

    const current = (await call(base, 'getCatalogueHistory', { token: consolidator })).body.current;
    const published = await call(base, 'publishOnboarding', { params: { draft }, token: consolidator, json: { reason: '新增\udfff' } });
    expect([published.status, published.error?.code]).toEqual([400, 'invalid_body']);
    expect((await call(base, 'getCatalogueHistory', { token: consolidator })).body.current).toBe(current);
  });
});
