import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findUnit } from '../figures/units.js';
import { loadCatalogue } from './load-catalogue.js';
import { targetCanonicalValue } from './target-canonical-value.js';

/**
 * The catalogue in seeds/catalogue checked against the five plan texts it was read from
 * (seeds/*.txt) and against itself. A lost target, a retyped quote or a unit that does not
 * convert fails here.
 */
const catalogue = loadCatalogue();
/** The plan a seeded park was read from (every park of the seed catalogue has one; an onboarded park may not). */
const seedText = (file: string | undefined): string => {
  if (file === undefined) throw new Error('a park of the seed catalogue without its seed plan');
  return readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8');
};
const parkText = new Map(catalogue.parks.map((p) => [p.code, seedText(p.seedFile)]));
const indicatorOf = new Map(catalogue.indicators.map((i) => [i.code, i]));
const dimensionOf = (unit: string): string | undefined => findUnit(unit)?.dimension;

/** Targets per park, as counted by reading each plan whole (see seeds/catalogue/NOTES.md). */
const TARGET_COUNTS: [string, number][] = [
  ['jinshan', 14],
  ['minhang', 11],
  ['fengxian', 6],
  ['jinqiao', 7],
  ['qingpu', 2],
];

/** The zone-wide common set (DOMAIN.md): every park reports these, target or not. */
const COMMON = [
  'rd_share',
  'hnte_valid',
  'pct_applications',
  'unicorn_hidden_champion',
  'hq_incubators',
  'leading_industries_talent',
  'leading_industries_revenue_share',
  'leading_industries_scale',
];

/** Values the plan writes in Chinese numerals rather than digits (千亿级 = 1000亿). */
const NUMERAL_FORMS: Record<string, string> = {
  'fengxian.operating_revenue.2026': '千亿',
};

/** Stretch goals (力争/努力/争取), including clauses a list-leading 争取/努力/力争 governs. */
const STRETCH = [
  'jinshan.leading_industries_revenue_share.2026',
  'jinshan.rd_share.2026',
  'jinshan.hnte_cumulative.2026',
  'jinshan.pct_applications.2026',
  'jinshan.incubators_national_or_hq.2026',
  'jinshan.talent_apartments.2026',
  'jinshan.chain_enterprises_introduced.2026',
  'jinshan.electronic_info_scale.2026',
  'fengxian.hq_incubators.2026',
  'jinqiao.leading_industries_scale.2026',
  'jinqiao.hq_incubators.2026',
];

/** A number as a whole token: 6 matches "6%" but not "6.8%" or "16000". */
const containsNumber = (text: string, n: number): boolean => new RegExp(`(?<![0-9.])${String(n).replace('.', '\\.')}(?![0-9.])`).test(text);

describe('catalogue data', () => {
  it('parses against the schema', () => {
    expect(catalogue.parks).toHaveLength(5);
    expect(catalogue.targets.length).toBe(TARGET_COUNTS.reduce((s, [, n]) => s + n, 0));
  });

  it.each(TARGET_COUNTS)('park %s has exactly %i targets', (park, count) => {
    expect(catalogue.targets.filter((t) => t.park === park)).toHaveLength(count);
  });

  // docs/domain.md, "Targets": a restated goal is a second quote of its one target.
  it('has one target per park, indicator and year', () => {
    const keys = catalogue.targets.map((t) => `${t.park}.${t.indicator}.${t.year}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('keeps 闵行园’s task 10 and task 15 as restatements of their goals, quoted as written', () => {
    const target = (id: string) => catalogue.targets.find((t) => t.id === id)!;
    expect(target('minhang.hq_incubators.2026').restatements).toMatchObject([
      { quote: '建成1-2家具有影响力的高质量孵化器', value: 1, valueHigh: 2, comparison: 'range' },
    ]);
    expect(target('minhang.fund_scale_cumulative.2026').restatements).toMatchObject([{ quote: '形成350亿元以上基金规模' }]);
  });

  it('keeps 奉贤园’s 千亿级产业集群 as an aim, not an evaluated target', () => {
    expect(catalogue.targets.some((t) => t.park === 'fengxian' && t.indicator === 'beauty_health_scale')).toBe(false);
    expect(catalogue.aims).toMatchObject([{ park: 'fengxian', indicator: 'beauty_health_scale', quote: '努力打造千亿级产业集群' }]);
  });

  it('has 奉贤园 report its 三大特色 and 三大主导 industries as one figure', () => {
    const fengxian = catalogue.parks.find((p) => p.code === 'fengxian')!;
    expect(fengxian.sameFigures.map((s) => s.indicators)).toEqual([['featured_industries_scale', 'leading_industries_revenue']]);
    for (const p of catalogue.parks) {
      for (const s of p.sameFigures)
        for (const code of s.indicators) expect(indicatorOf.get(code)?.unit, `${p.code} ${code}`).toBe(indicatorOf.get(s.indicators[0]!)?.unit);
    }
  });

  it('every aim quotes its plan verbatim and says how it is read, in Chinese and English', () => {
    for (const aim of catalogue.aims) {
      expect(parkText.get(aim.park)).toContain(aim.quote);
      expect(aim.note.zh.length * aim.note.en.length).toBeGreaterThan(0);
    }
  });

  it('every park has at least one target', () => {
    for (const park of catalogue.parks) expect(catalogue.targets.some((t) => t.park === park.code)).toBe(true);
  });

  it('target ids are unique and follow park.indicator.year[.suffix]', () => {
    const ids = catalogue.targets.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of catalogue.targets) {
      expect(t.id.startsWith(`${t.park}.${t.indicator}.${t.year}`)).toBe(true);
      expect(t.id).toMatch(/^[a-z_]+\.[a-z_]+\.\d{4}(\.[a-z0-9]+)?$/);
    }
  });

  it('the common set is exactly the zone-wide list, and each exists', () => {
    for (const code of COMMON) expect(indicatorOf.get(code)?.common).toBe(true);
    expect(
      catalogue.indicators
        .filter((i) => i.common)
        .map((i) => i.code)
        .sort(),
    ).toEqual([...COMMON].sort());
  });

  it('only 奉贤园 is a draft (征求意见稿)', () => {
    expect(catalogue.parks.filter((p) => p.draft).map((p) => p.code)).toEqual(['fengxian']);
    expect(parkText.get('fengxian')).toContain('征求意见稿');
  });
});

describe.each(catalogue.parks.map((p) => [p.code, p] as const))('park %s', (code, park) => {
  const text = parkText.get(code) ?? '';

  it('names a seed file that exists, with the title and number where the text has them', () => {
    expect(text.length).toBeGreaterThan(1000);
    if (park.documentNumber !== null) expect(text).toContain(park.documentNumber);
    const reconstructed = park.notes.some((n) => n.includes('reconstructed'));
    // 青浦园's text lacks its title: the title is then reconstructed and a note says so.
    expect(text.includes(park.planTitle)).toBe(!reconstructed);
  });

  it('sets targets within its plan period', () => {
    for (const t of catalogue.targets.filter((x) => x.park === code)) {
      expect(t.year).toBeGreaterThanOrEqual(park.plan.startYear);
      expect(t.year).toBeLessThanOrEqual(park.plan.endYear);
    }
  });
});

describe.each(catalogue.targets.map((t) => [t.id, t] as const))('target %s', (_id, target) => {
  const indicator = indicatorOf.get(target.indicator);
  const text = parkText.get(target.park);

  it('names a park and an indicator that exist', () => {
    expect(text).toBeDefined();
    expect(indicator).toBeDefined();
  });

  it('quotes its plan verbatim, and the quote contains the value', () => {
    expect(text).toContain(target.quote);
    const numeral = NUMERAL_FORMS[target.id];
    if (numeral !== undefined) expect(target.quote).toContain(numeral);
    else expect(containsNumber(target.quote, target.value)).toBe(true);
    if (target.valueHigh !== undefined) expect(containsNumber(target.quote, target.valueHigh)).toBe(true);
  });

  it('has a unit code of the same dimension as its indicator, so it converts', () => {
    expect(findUnit(target.unitCode)).toBeDefined();
    expect(dimensionOf(target.unitCode)).toBe(dimensionOf(indicator?.unit ?? ''));
    const canonical = targetCanonicalValue(target, catalogue);
    expect(Number.isFinite(canonical.value)).toBe(true);
    if (indicator?.valueType === 'integer') expect(Number.isInteger(canonical.value)).toBe(true);
  });

  it('has a value high only for a range, above its value', () => {
    expect(target.comparison === 'range').toBe(target.valueHigh !== undefined);
    if (target.valueHigh !== undefined) expect(target.valueHigh).toBeGreaterThan(target.value);
  });

  it('is a stretch goal exactly when 力争/努力/争取 governs it', () => {
    expect(target.stretch).toBe(STRETCH.includes(target.id));
    if (/力争|努力|争取/.test(target.quote)) expect(target.stretch).toBe(true);
  });

  it('quotes each restatement verbatim, with its own figure when it words it differently', () => {
    for (const r of target.restatements) {
      expect(text).toContain(r.quote);
      expect(containsNumber(r.quote, r.value ?? target.value)).toBe(true);
      expect(r.note.zh.length * r.note.en.length).toBeGreaterThan(0);
    }
  });

  it('explains an ambiguous reading in Chinese (printed in Chinese workbooks) and in English', () => {
    if (target.note === undefined) return;
    expect(target.note.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(target.note.zh).not.toMatch(/[A-Za-z]{3,}(?:\s+[A-Za-z]+){2,}/);
    expect(target.note.en.length).toBeGreaterThan(0);
  });

  it('is a mapped wording of its park', () => {
    const wordings = catalogue.wordings.filter((w) => w.park === target.park && w.indicator === target.indicator);
    expect(wordings.length).toBeGreaterThan(0);
  });
});

describe.each(catalogue.indicators.map((i) => [i.code, i] as const))('indicator %s', (_code, indicator) => {
  it('is stored in a canonical unit (factor 1) of units.ts', () => {
    expect(findUnit(indicator.unit)?.factor).toBe(1);
  });

  it('has components exactly when it is a ratio or a rate, and they exist', () => {
    const computed = indicator.measure === 'ratio' || indicator.measure === 'rate';
    expect(indicator.components !== undefined).toBe(computed);
    // A ratio consolidates as Σnumerator / Σdenominator, or not at all; plain figures never as a ratio.
    expect(computed ? ['ratio', 'none'] : ['sum', 'none']).toContain(indicator.consolidation);
    for (const ref of indicator.components ? [indicator.components.numerator, indicator.components.denominator] : []) {
      if ('indicator' in ref) expect(indicatorOf.has(ref.indicator)).toBe(true);
    }
    if (indicator.measure === 'ratio') {
      expect(indicator.unit).toBe('%');
      expect(indicator.components?.scale).toBe(100);
      expect(indicator.range).toEqual({ min: 0, max: 100 });
    }
  });

  it('is part of a whole that exists, in the same dimension', () => {
    if (indicator.partOf === undefined) return;
    const whole = indicatorOf.get(indicator.partOf);
    expect(whole).toBeDefined();
    expect(indicator.partOf).not.toBe(indicator.code);
    expect(dimensionOf(whole?.unit ?? '')).toBe(dimensionOf(indicator.unit));
  });

  it('counts in whole numbers when its unit counts things', () => {
    const counted = ['enterprises', 'pieces', 'items', 'sets', 'people'].includes(dimensionOf(indicator.unit) ?? '');
    if (indicator.measure !== 'ratio' && indicator.measure !== 'rate') {
      expect(indicator.valueType === 'integer').toBe(counted);
    }
  });

  it('is kept apart from existing indicators, both ways, with a reason', () => {
    for (const d of indicator.distinctFrom) {
      const other = indicatorOf.get(d.indicator);
      expect(other).toBeDefined();
      expect(other?.distinctFrom.some((back) => back.indicator === indicator.code)).toBe(true);
      expect(d.reason.zh.length * d.reason.en.length).toBeGreaterThan(0);
    }
  });
});

describe.each(catalogue.wordings.map((w) => [w.park, w.wording, w] as const))('wording %s %s', (_p, _w, wording) => {
  it('is a phrase of its park text and names an existing indicator', () => {
    expect(parkText.get(wording.park)).toContain(wording.wording);
    expect(indicatorOf.has(wording.indicator)).toBe(true);
  });

  it('maps to one indicator only', () => {
    const same = catalogue.wordings.filter((w) => w.park === wording.park && w.wording === wording.wording);
    expect(same).toHaveLength(1);
  });
});
