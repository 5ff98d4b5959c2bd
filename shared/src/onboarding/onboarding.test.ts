import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueInForce } from '../catalogue/catalogue-in-force.js';
import { catalogueSchema, type Catalogue, type PlanSource } from '../catalogue/catalogue-schema.js';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { evaluateYear } from '../evaluation/evaluate-year.js';
import { extractTargets } from '../extraction/extract-targets.js';
import { buildTemplate } from '../templates/build-template.js';
import { applyOnboarding } from './apply-onboarding.js';
import { checkOnboarding } from './check-onboarding.js';
import { initialReview, type NewIndicator, type OnboardingReview } from './onboarding-review.js';
import { readPlanHeader } from './read-plan-header.js';

// A plan that is not one of the five seeds, in the style of a district's notice and plan: goals,
// task paragraphs, and past results (2024年…) that must not be proposed.
const TEXT = readFileSync(new URL('./__fixtures__/songjiang-plan.txt', import.meta.url), 'utf8');
const seeds = catalogueSchema.parse({ ...loadCatalogue(), version: 1 });
const SOURCE: PlanSource = { fileName: 'songjiang.txt', format: 'text', textHash: 'a'.repeat(64), textBlob: `plans/${'a'.repeat(64)}.txt` };
const NOW = new Date('2025-03-01T08:00:00Z');

const TECH_CONTRACTS: NewIndicator = {
  code: 'tech_contract_value',
  name: { zh: '技术合同成交额', en: 'Technology contract turnover' },
  definition: { zh: '园区企业当年登记的技术合同成交金额。', en: "Value of the technology contracts registered by the park's enterprises in the year." },
  unit: '万元',
  measure: 'flow',
  consolidation: 'sum',
  hasBaseline: true,
  components: null,
  distinctFrom: [],
};

function started(catalogue: Catalogue = seeds): OnboardingReview {
  return initialReview(catalogue, extractTargets(TEXT, catalogue), readPlanHeader(TEXT), NOW);
}

/** The review a consolidator would publish: every goal accepted, the new indicator defined, the task figure (场) rejected. */
function reviewed(catalogue: Catalogue = seeds): OnboardingReview {
  const review = started(catalogue);
  review.plan = { ...review.plan, park: 'songjiang', name: { zh: '松江园', en: 'Songjiang Park' }, district: { zh: '松江区', en: 'Songjiang District' } };
  review.newIndicators = [TECH_CONTRACTS];
  review.items = review.items.map((item) => {
    if (item.unitCode === null) return { ...item, decision: 'rejected' };
    if (item.indicator === null) return { ...item, decision: 'accepted', indicator: 'tech_contract_value' };
    return { ...item, decision: 'accepted', confirmedApart: true };
  });
  return review;
}

const codes = (review: OnboardingReview, catalogue: Catalogue = seeds, text = TEXT) => checkOnboarding(catalogue, review, text).map((i) => i.code);

describe('readPlanHeader', () => {
  it('reads the notice and title of a district plan', () => {
    expect(readPlanHeader(TEXT)).toEqual({
      title: '张江高新区松江园改革创新发展行动方案(2025-2026年)',
      parkName: '松江园',
      district: '松江区',
      documentNumber: '松府发〔2025〕8号',
      issuedOn: '2025-02-18',
      startYear: 2025,
      endYear: 2026,
      draft: false,
    });
  });

  it('says null where the text says nothing, and sees a draft', () => {
    const header = readPlanHeader('关于征求意见的说明\n张江高新区某园发展行动方案(征求意见稿)\n到2026年,营业收入达到100亿元。');
    expect(header).toMatchObject({ documentNumber: null, issuedOn: null, startYear: null, draft: true });
  });
});

describe('initialReview', () => {
  it('starts a new park, every proposal pending with its quote and mapped indicator', () => {
    const review = started();
    expect(review.plan).toMatchObject({ mode: 'new', park: '', name: { zh: '松江园', en: '' }, startYear: 2025, endYear: 2026, fromYear: null });
    expect(review.items.every((i) => i.decision === 'pending')).toBe(true);
    expect(review.items.map((i) => i.indicator)).toEqual([
      'hnte_valid',
      'unicorn_hidden_champion',
      'rd_share',
      'pct_applications',
      'operating_revenue',
      'leading_industries_talent',
      'hq_incubators',
      null,
      null,
    ]);
    // Past results (2024年…1320亿元, 1150家) are not proposed.
    expect(review.items.some((i) => i.value === 1320 || i.value === 1150)).toBe(false);
  });

  it('makes a plan of a park the catalogue has a replacement of its plan', () => {
    const review = initialReview(seeds, [], { ...readPlanHeader(TEXT), parkName: '金山园' }, NOW);
    expect(review.plan).toMatchObject({ mode: 'replace', park: 'jinshan', fromYear: 2025 });
  });
});

describe('checkOnboarding', () => {
  it('passes the reviewed plan', () => {
    expect(checkOnboarding(seeds, reviewed(), TEXT)).toEqual([]);
  });

  it('refuses a plan with no accepted quantified target', () => {
    const review = reviewed();
    review.items = review.items.map((i) => ({ ...i, decision: 'rejected' }));
    expect(codes(review)).toEqual(['onboarding_no_targets']);
  });

  it('refuses a park the catalogue has, by code or by name', () => {
    expect(codes({ ...reviewed(), plan: { ...reviewed().plan, park: 'jinshan' } })).toContain('onboarding_duplicate_park');
    expect(codes({ ...reviewed(), plan: { ...reviewed().plan, name: { zh: '青浦园', en: 'x' } } })).toContain('onboarding_duplicate_park');
  });

  it('refuses a quote that is not in the uploaded text', () => {
    const review = reviewed();
    review.items[0] = { ...review.items[0]!, quote: '有效期内高新技术企业数量达到1500家' };
    const issues = checkOnboarding(seeds, review, TEXT);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['onboarding_quote_not_in_plan', 'items.0.quote']]);
    expect(issues[0]!.message.zh).toContain('第 1 条');
    expect(issues[0]!.message.en).toContain('Target 1');
  });

  it('refuses a unit the catalogue does not know (场), until the item is rejected', () => {
    const review = reviewed();
    const i = review.items.findIndex((item) => item.unit === '场');
    review.items[i] = { ...review.items[i]!, decision: 'accepted', indicator: 'tech_contract_value' };
    expect(codes(review)).toEqual(expect.arrayContaining(['onboarding_unknown_unit']));
  });

  it('refuses a year outside the plan period', () => {
    const review = reviewed();
    review.items[2] = { ...review.items[2]!, year: 2027 };
    expect(codes(review)).toEqual(['onboarding_year_outside_plan']);
  });

  it('asks to compare definitions kept apart before mapping onto such an indicator', () => {
    const review = reviewed();
    review.items[0] = { ...review.items[0]!, confirmedApart: false }; // 有效期内 vs 累计
    const issues = checkOnboarding(seeds, review, TEXT);
    expect(issues.map((i) => i.code)).toEqual(['onboarding_definition_unconfirmed']);
    expect(issues[0]!.message.zh).toContain('高新技术企业数量（累计）');
  });

  it('refuses a unit of another dimension, an unmapped target, the same target twice and a half-defined indicator', () => {
    const review = reviewed();
    review.items[3] = { ...review.items[3]!, indicator: 'operating_revenue' }; // 件 onto 万元
    review.items[4] = { ...review.items[4]!, indicator: null };
    review.items[5] = { ...review.items[5]!, indicator: 'unicorn_hidden_champion', unitCode: '家', confirmedApart: true };
    review.newIndicators = [{ ...TECH_CONTRACTS, name: { zh: '', en: '' } }];
    expect(new Set(codes(review))).toEqual(
      new Set(['onboarding_unit_mismatch', 'onboarding_indicator_unmapped', 'onboarding_duplicate_target', 'onboarding_indicator_invalid']),
    );
  });

  it('refuses a missing title, name and period', () => {
    const review = reviewed();
    review.plan = { ...review.plan, planTitle: ' ', name: { zh: '松江园', en: '' }, startYear: null };
    expect(codes(review)).toEqual(['onboarding_park_name_missing', 'onboarding_title_missing', 'onboarding_period_missing']);
  });
});

describe('applyOnboarding', () => {
  it('adds the park, its indicator and its accepted targets; the park has a template and is evaluated', () => {
    const next = catalogueSchema.parse({ ...applyOnboarding(seeds, reviewed(), SOURCE, NOW.toISOString()), version: 2 });
    const park = next.parks.find((p) => p.code === 'songjiang')!;
    expect(park).toMatchObject({
      planTitle: '张江高新区松江园改革创新发展行动方案(2025-2026年)',
      documentNumber: '松府发〔2025〕8号',
      plan: { startYear: 2025, endYear: 2026 },
      planSource: SOURCE,
    });
    const targets = next.targets.filter((t) => t.park === 'songjiang');
    expect(targets).toHaveLength(8);
    expect(targets.find((t) => t.indicator === 'operating_revenue')).toMatchObject({
      id: 'songjiang.operating_revenue.2026',
      value: 1600,
      unit: '亿元',
      unitCode: '亿元',
      year: 2026,
    });
    for (const t of targets) expect(TEXT).toContain(t.quote);
    expect(next.indicators.find((i) => i.code === 'tech_contract_value')).toMatchObject({ valueType: 'decimal', consolidation: 'sum', hasBaseline: true });
    // The five parks are as they were.
    expect(next.targets.filter((t) => t.park !== 'songjiang')).toEqual(seeds.targets);

    const template = buildTemplate(next, 'songjiang', { code: '2025', year: 2025, quarter: null }, { periodDays: 365, previous: null, baselines: {} });
    expect(template.catalogueVersion).toBe(2);
    expect(template.fields.find((f) => f.key === 'tech_contract_value')?.targets).toHaveLength(1);
    // The onboarded park fills the zone's formal return (表号, 制表机关 from zone.json).
    expect(template.form).toEqual({ zone: seeds.zone.name, number: seeds.zone.form.number, authority: seeds.zone.form.authority });
    const evaluation = evaluateYear(next, 2026, [], { baselines: {} });
    expect(evaluation.evaluations.filter((e) => e.park === 'songjiang')).toHaveLength(8);
    expect(evaluation.catalogueVersion).toBe(2);
  });

  it("keeps one target per indicator and year, with the reviewer's note in the workbooks of both languages", () => {
    const review = reviewed();
    const at = review.items.findIndex((i) => i.decision === 'accepted');
    review.items[at] = { ...review.items[at]!, note: '按“力争”读作下限' };
    const next = catalogueSchema.parse({ ...applyOnboarding(seeds, review, SOURCE, NOW.toISOString()), version: 2 });
    const targets = next.targets.filter((t) => t.park === 'songjiang');
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    expect(targets.every((t) => t.restatements.length === 0)).toBe(true);
    expect(targets.find((t) => t.quote === review.items[at]!.quote)?.note).toEqual({ zh: '按“力争”读作下限', en: '按“力争”读作下限' });
  });

  it('replaces a plan (征求意见稿 → adopted) and keeps the old targets for the years before', () => {
    const fengxian = seeds.parks.find((p) => p.code === 'fengxian')!;
    const oldTargets = seeds.targets.filter((t) => t.park === 'fengxian');
    const review = reviewed();
    review.plan = { ...review.plan, mode: 'replace', park: 'fengxian', name: fengxian.name, district: fengxian.district, draft: false, fromYear: 2026 };
    expect(checkOnboarding(seeds, review, TEXT)).toEqual([]);
    const next = catalogueSchema.parse({ ...applyOnboarding(seeds, review, SOURCE, NOW.toISOString()), version: 2 });
    expect(next.parks.find((p) => p.code === 'fengxian')).toMatchObject({ draft: false, planSource: SOURCE, name: fengxian.name });
    expect(next.parks.find((p) => p.code === 'fengxian')!.seedFile).toBeUndefined();
    expect(next.supersededPlans).toEqual([expect.objectContaining({ park: 'fengxian', lastYear: 2025, replacedInVersion: 2, targets: oldTargets })]);

    // 2025 is still read against the 征求意见稿; 2026 against the adopted plan.
    const in2025 = catalogueInForce(next, 2025);
    expect(in2025.targets.filter((t) => t.park === 'fengxian')).toEqual(oldTargets);
    expect(in2025.parks.find((p) => p.code === 'fengxian')).toMatchObject({ draft: true, seedFile: fengxian.seedFile });
    expect(
      catalogueInForce(next, 2026)
        .targets.filter((t) => t.park === 'fengxian')
        .map((t) => t.year),
    ).toEqual(Array(8).fill(2026));
    // The evaluation of 2025 reads the 征求意见稿's targets (its 序时进度 toward 2026), not the adopted plan's.
    const fengxianIn = (year: number) =>
      [
        ...new Set(
          evaluateYear(next, year, [], { baselines: {} })
            .evaluations.filter((e) => e.park === 'fengxian')
            .map((e) => e.indicator),
        ),
      ].sort();
    expect(fengxianIn(2025)).toEqual([...new Set(oldTargets.map((t) => t.indicator))].sort());
    expect(fengxianIn(2026)).toEqual([...new Set(review.items.filter((i) => i.decision === 'accepted').map((i) => i.indicator!))].sort());
  });
});
