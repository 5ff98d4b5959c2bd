import { readFileSync } from 'node:fs';
import type { Catalogue, OnboardingReview } from '@zj/shared';
import type { OnboardingDraft } from '@zj/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seenProposals as seen } from '../src/plans/__fixtures__/seen-proposals.js';
import { call, startHarness, type Harness } from './helpers/harness.js';
import { TECH_CONTRACT_VALUE } from './helpers/tech-contract-indicator.js';

/**
 * A plan uploaded as a document, over real HTTP against Azurite (docs/catalogue.md, Onboarding):
 * the 宝山园 plan (functions/src/plans/__fixtures__, not one of the five seeds) as a .docx is
 * onboarded as a new park; the same plan as a PDF (its lines wrapped inside sentences) replaces
 * 奉贤园's 征求意见稿 from 2026, and the evaluation of 2025 still reads the 征求意见稿. A scan, a
 * password-protected and a damaged PDF get their codes in both languages, and nothing is kept.
 */
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../src/plans/__fixtures__/${name}`, import.meta.url)));
const TEXT = readFileSync(new URL('../src/plans/__fixtures__/baoshan-plan.txt', import.meta.url), 'utf8');

let h: Harness;
let base: string;
let consolidator: string;

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
  consolidator = h.tokens['zone-consolidator']!;
});
afterAll(async () => {
  await h?.stop();
});

const upload = (name: string, bytes: Uint8Array, token = consolidator, contentType = 'application/octet-stream') =>
  call(base, 'startOnboardingFile', { token, raw: { body: bytes, contentType }, headers: { 'x-file-name': encodeURIComponent(name) } });

/** Saves the review over the draft as started (If-Match its ETag), finds nothing keeping it back, and publishes it as saved. */
async function saveAndPublish(draft: OnboardingDraft, r: OnboardingReview, reason: string) {
  const saved = await call(base, 'saveOnboarding', { params: { draft: draft.id }, token: consolidator, json: r, headers: { 'if-match': draft.etag } });
  expect(saved.body.issues).toEqual([]);
  return call(base, 'publishOnboarding', { params: { draft: draft.id }, token: consolidator, json: { reason }, headers: { 'if-match': saved.body.etag } });
}

/** The consolidator's review: a target in a unit the catalogue lacks (场) rejected, 技术合同成交额 a new indicator unless the catalogue has it, the rest accepted. */
function review(start: OnboardingReview, catalogue: Catalogue): OnboardingReview {
  const known = catalogue.indicators.some((i) => i.code === 'tech_contract_value');
  return {
    ...start,
    newIndicators: known ? [] : [TECH_CONTRACT_VALUE],
    items: start.items.map((item) => {
      if (item.unitCode === null) return { ...item, decision: 'rejected' };
      if (item.indicator === null) return { ...item, decision: 'accepted', indicator: 'tech_contract_value' };
      return { ...item, decision: 'accepted', confirmedApart: true };
    }),
  };
}

describe('onboarding a plan uploaded as .docx or PDF, over HTTP against Azurite', () => {
  it('onboards the plan from a .docx: the same proposals as its text, published as a new park', async () => {
    const fromText = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: '宝山园行动方案.txt', text: TEXT } });
    expect(fromText.status).toBe(201);

    const t0 = performance.now();
    const docx = fixture('baoshan-plan.docx');
    const started = await upload(
      '张江高新区宝山园高质量发展行动方案.docx',
      docx,
      consolidator,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(started.status).toBe(201);
    expect(started.headers.get('location')).toBe(`/api/onboarding/${started.body.id}`);
    expect(started.body.source).toMatchObject({ fileName: '张江高新区宝山园高质量发展行动方案.docx', format: 'docx' });
    expect(started.body.text).toBe(TEXT);
    expect(seen(started.body.proposals)).toEqual(seen(fromText.body.proposals));
    expect(started.body.review.plan).toMatchObject({
      mode: 'new',
      name: { zh: '宝山园' },
      documentNumber: '宝府发〔2025〕5号',
      startYear: 2025,
      endYear: 2026,
    });

    const catalogue = (await call(base, 'getCatalogue', { token: consolidator })).body;
    const r = review(started.body.review, catalogue);
    r.plan = { ...r.plan, park: 'baoshan', name: { zh: '宝山园', en: 'Baoshan Park' }, district: { zh: '宝山区', en: 'Baoshan District' } };
    const published = await saveAndPublish(started.body, r, '新增宝山园(宝府发〔2025〕5号)');
    const ms = performance.now() - t0;
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 2, park: 'baoshan', targets: 7, indicatorsAdded: ['tech_contract_value'] });
    console.log(`.docx (${docx.length} bytes) upload → published over HTTP (upload, save, publish): ${ms.toFixed(0)} ms`);

    const template = await call(base, 'getTemplate', { params: { park: 'baoshan', period: '2026' }, token: consolidator });
    expect(template.status).toBe(200);
    expect(template.body.fields.find((f) => f.key === 'tech_contract_value')?.targets).toEqual([
      expect.objectContaining({ year: 2026, quote: '技术合同成交额达到45亿元' }),
    ]);
  });

  it('replaces 奉贤园’s 征求意见稿 by a plan read from a PDF: 2026 reads the new targets, the evaluation of 2025 still the old ones', async () => {
    const v2 = (await call(base, 'getCatalogue', { token: consolidator })).body;
    const fengxian = v2.parks.find((p) => p.code === 'fengxian')!;
    expect(fengxian.draft).toBe(true);
    const oldTargets = v2.targets.filter((t) => t.park === 'fengxian');
    const before2025 = (await call(base, 'getEvaluation', { params: { year: '2025' }, token: consolidator })).body.evaluations.filter(
      (e) => e.park === 'fengxian',
    );
    expect(before2025.length).toBeGreaterThan(0);

    const t0 = performance.now();
    const pdf = fixture('baoshan-plan.pdf');
    const started = await upload('奉贤园行动方案(正式稿).pdf', pdf, consolidator, 'application/pdf');
    expect(started.status).toBe(201);
    expect(started.body.source.format).toBe('pdf');
    // The PDF's lines are wrapped inside sentences; its text reads as the plain text, so every quote is in it.
    expect(started.body.text).toBe(TEXT.replace(/\n{2,}/g, '\n'));
    const fromText = await call(base, 'startOnboarding', { token: consolidator, json: { fileName: 'p.txt', text: TEXT } });
    expect(seen(started.body.proposals)).toEqual(seen(fromText.body.proposals));
    expect(started.body.proposals.map((p) => p.quote)).toContain('每年举办科技成果路演活动不少于20场');

    const r = review(started.body.review, v2);
    r.plan = { ...r.plan, mode: 'replace', park: 'fengxian', name: fengxian.name, district: fengxian.district, draft: false, fromYear: 2026 };
    const published = await saveAndPublish(started.body, r, '奉贤园行动方案正式稿替换征求意见稿');
    const ms = performance.now() - t0;
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 3, park: 'fengxian', targets: 7 });
    console.log(`PDF (${pdf.length} bytes) upload → published over HTTP (upload, save, publish): ${ms.toFixed(0)} ms`);

    const v3 = (await call(base, 'getCatalogue', { token: consolidator })).body;
    expect(v3.parks.find((p) => p.code === 'fengxian')).toMatchObject({ draft: false, planSource: { format: 'pdf', fileName: '奉贤园行动方案(正式稿).pdf' } });
    expect(v3.supersededPlans).toEqual([expect.objectContaining({ park: 'fengxian', lastYear: 2025, replacedInVersion: 3, targets: oldTargets })]);

    // 2025: the 征求意见稿's targets, evaluated as before the replacement; 2026: the adopted plan's.
    const e2025 = await call(base, 'getEvaluation', { params: { year: '2025' }, token: consolidator });
    expect(e2025.body.catalogueVersion).toBe(3);
    expect(e2025.body.evaluations.filter((e) => e.park === 'fengxian')).toEqual(before2025);
    expect(new Set(before2025.map((e) => e.targetId))).toEqual(new Set(oldTargets.map((t) => t.id)));
    const e2026 = (await call(base, 'getEvaluation', { params: { year: '2026' }, token: consolidator })).body.evaluations.filter((e) => e.park === 'fengxian');
    expect(e2026.map((e) => e.quote).sort()).toEqual(
      r.items
        .filter((i) => i.decision === 'accepted')
        .map((i) => i.quote)
        .sort(),
    );
    expect(e2026.every((e) => !e.draftPlan)).toBe(true);
    const t2025 = await call(base, 'getTemplate', { params: { park: 'fengxian', period: '2025' }, token: consolidator });
    expect(t2025.body.fields.flatMap((f) => f.targets.map((t) => t.quote)).sort()).toEqual(oldTargets.map((t) => t.quote).sort());
  });

  it('refuses a scan, a password-protected or damaged PDF and a file that is no plan, in both languages, and keeps nothing', async () => {
    const before = (await call(base, 'getCatalogueHistory', { token: consolidator })).body.current;
    const scan = await upload('扫描件.pdf', fixture('scanned-plan.pdf'));
    expect([scan.status, scan.error?.code]).toEqual([422, 'plan_no_text']);
    expect(scan.error?.message.zh).toContain('扫描件');
    expect(scan.error?.message.en).toContain('no text layer');
    const locked = await upload('locked.pdf', fixture('locked-plan.pdf'));
    expect([locked.status, locked.error?.code]).toEqual([422, 'plan_encrypted']);
    expect(locked.error?.message.zh).toBe('文件「locked.pdf」设有打开密码（已加密），无法读取：请取消密码后另存，再上传。');
    const cut = await upload('cut.pdf', fixture('baoshan-plan.pdf').slice(0, 4000));
    expect([cut.status, cut.error?.code]).toEqual([422, 'plan_file_corrupt']);
    const sheet = await upload('plan.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]));
    expect([sheet.status, sheet.error?.code, sheet.error?.message.en]).toEqual([
      415,
      'plan_unreadable',
      "The uploaded file 'plan.xls' cannot be read: upload .txt, .docx or a PDF with a text layer.",
    ]);
    // A plan document's own cap (5 MB), not the 64 kB of a JSON body here.
    const big = await upload('big.pdf', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x25));
    expect([big.status, big.error?.code]).toEqual([413, 'plan_file_too_large']);
    const statistician = await upload('p.docx', fixture('baoshan-plan.docx'), h.tokens['jinshan-statistician']!);
    expect(statistician.status).toBe(403);
    expect((await call(base, 'getCatalogueHistory', { token: consolidator })).body.current).toBe(before);
  });

  it('two reviewers saving one draft: a save without If-Match is refused, the one holding an older ETag is told, nothing is overwritten', async () => {
    const started = await upload('宝山园.docx', fixture('baoshan-plan.docx'));
    const draft = started.body.id;
    const etag = started.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect((await call(base, 'getOnboarding', { params: { draft }, token: consolidator })).headers.get('etag')).toBe(etag);
    const a = structuredClone(started.body.review);
    a.items[0] = { ...a.items[0]!, decision: 'rejected' };
    const b = structuredClone(started.body.review);
    b.items[1] = { ...b.items[1]!, decision: 'rejected' };

    const blind = await call(base, 'saveOnboarding', { params: { draft }, token: consolidator, json: a });
    expect([blind.status, blind.error?.code]).toEqual([428, 'onboarding_if_match_required']);
    const first = await call(base, 'saveOnboarding', { params: { draft }, token: consolidator, json: a, headers: { 'if-match': etag! } });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).not.toBe(etag);
    const second = await call(base, 'saveOnboarding', { params: { draft }, token: consolidator, json: b, headers: { 'if-match': etag! } });
    expect([second.status, second.error?.code]).toEqual([412, 'onboarding_changed']);
    expect(second.error?.message.zh).toContain('zone-consolidator');
    const now = await call(base, 'getOnboarding', { params: { draft }, token: consolidator });
    expect(now.body.review).toEqual(a);
    expect(now.headers.get('etag')).toBe(first.headers.get('etag'));
    // Publishing If-Match the ETag the reviewer saved: not a review someone saved since.
    const third = await call(base, 'saveOnboarding', { params: { draft }, token: consolidator, json: b, headers: { 'if-match': first.headers.get('etag')! } });
    expect(third.status).toBe(200);
    const current = (await call(base, 'getCatalogueHistory', { token: consolidator })).body.current;
    const stale = await call(base, 'publishOnboarding', {
      params: { draft },
      token: consolidator,
      json: { reason: 'x' },
      headers: { 'if-match': first.headers.get('etag')! },
    });
    expect([stale.status, stale.error?.code]).toEqual([412, 'onboarding_changed']);
    expect((await call(base, 'getCatalogueHistory', { token: consolidator })).body.current).toBe(current);
  });
});
