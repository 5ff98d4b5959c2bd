import { describe, expect, it } from 'vitest';
import { EVALUATION_CATALOGUE as CAT } from './__fixtures__/evaluation-catalogue.js';
import { computeCompletion, isAtLeast, isMoreThan } from './comparisons.js';
import { computeCanonicalTarget } from './evaluate-target.js';
import { computeDaysInYear } from './measures.js';
import { computeExpected } from './progress.js';
import { computeGrowthNeeded } from './growth-needed.js';
import { computeRanks } from './rank-parks.js';
import { computeStatus, STATUS_RULES } from './status.js';

describe('computeDaysInYear', () => {
  it.each([
    [2023, 365],
    [2024, 366],
    [2025, 365],
    [2026, 365],
    [2100, 365],
    [2000, 366],
  ])('%i has %i days', (year, days) => expect(computeDaysInYear(year)).toBe(days));
});

describe('computeExpected (序时进度)', () => {
  // baseline 400 in 2024, target 500 in 2026
  it.each([
    { year: 2024, value: 400, elapsed: 0 },
    { year: 2025, value: 450, elapsed: 0.5 },
    { year: 2026, value: 500, elapsed: 1 },
    { year: 2027, value: 500, elapsed: 1 },
    { year: 2020, value: 400, elapsed: 0 },
  ])('$year → $value', ({ year, value, elapsed }) => {
    expect(computeExpected({ baseline: 400, baselineYear: 2024, target: 500, targetYear: 2026, year })).toEqual({ value, elapsed });
  });

  it('has no value without a baseline before the target year; from the target year on it is the target', () => {
    expect(computeExpected({ baseline: null, baselineYear: 2024, target: 500, targetYear: 2026, year: 2025 })).toEqual({
      value: null,
      elapsed: 0.5,
      reason: 'no_baseline',
    });
    expect(computeExpected({ baseline: null, baselineYear: 2024, target: 500, targetYear: 2026, year: 2026 })).toEqual({ value: 500, elapsed: 1 });
  });

  it('codes an overflow instead of returning Infinity', () => {
    const e = computeExpected({ baseline: -1.7e308, baselineYear: 2024, target: 1.7e308, targetYear: 2026, year: 2025 });
    expect(e).toMatchObject({ value: null, reason: 'out_of_range' });
  });
});

describe('computeCompletion', () => {
  it.each([
    { name: 'gte met exactly', actual: 6.8, target: 6.8, high: null, comparison: 'gte', value: 1, completed: true, belowHigh: false },
    // 68 / 1000 × 100 carries rounding noise and must still meet 6.8
    {
      name: 'gte met up to rounding noise',
      actual: (68 / 1000) * 100,
      target: 6.8,
      high: null,
      comparison: 'gte',
      value: 1,
      completed: true,
      belowHigh: false,
    },
    { name: 'gt exactly is not more', actual: 60, target: 60, high: null, comparison: 'gt', value: 1, completed: false, belowHigh: false },
    { name: 'gt strictly more', actual: 60.01, target: 60, high: null, comparison: 'gt', value: 60.01 / 60, completed: true, belowHigh: false },
    // docs/domain.md, "Evaluation": a range is 实际值 ÷ 下限 below it, 100% within it, 实际值 ÷ 上限 above it.
    { name: 'range at the low end', actual: 1, target: 1, high: 2, comparison: 'range', value: 1, completed: true, belowHigh: true },
    { name: 'range within', actual: 1.5, target: 1, high: 2, comparison: 'range', value: 1, completed: true, belowHigh: true },
    { name: 'range at the high end: 100%, not 200%', actual: 2, target: 1, high: 2, comparison: 'range', value: 1, completed: true, belowHigh: false },
    { name: 'range above the high end', actual: 3, target: 1, high: 2, comparison: 'range', value: 1.5, completed: true, belowHigh: false },
    { name: 'range below', actual: 0, target: 1, high: 2, comparison: 'range', value: 0, completed: false, belowHigh: false },
    { name: 'range half way to the low end', actual: 1, target: 2, high: 4, comparison: 'range', value: 0.5, completed: false, belowHigh: false },
  ] as const)('$name', ({ actual, target, high, comparison, value, completed, belowHigh }) => {
    const c = computeCompletion(actual, { value: target, valueHigh: high }, comparison);
    expect(c.value).toBeCloseTo(value, 12);
    expect(c).toMatchObject({ completed, belowHigh });
  });

  it('codes a target of 0 and a blank actual', () => {
    expect(computeCompletion(5, { value: 0, valueHigh: null }, 'gte')).toEqual({
      value: null,
      completed: true,
      belowHigh: false,
      reason: 'division_by_zero',
    });
    expect(computeCompletion(null, { value: 5, valueHigh: null }, 'gte')).toMatchObject({ value: null, reason: 'not_reported' });
  });
});

describe('computeGrowthNeeded (还需: docs/domain.md, "Evaluation")', () => {
  const base = { completed: false, year: 2025, targetYear: 2026, strictlyMore: false };
  it.each([
    // compound over two years: (500 / 405)^(1/2) − 1 = 11.11%
    { name: 'compound over 2 years', kind: 'compound_rate', actual: 405, target: 500, year: 2024, value: Math.sqrt(500 / 405) - 1 },
    { name: 'amount over 2 years', kind: 'amount_per_year', actual: 5, target: 21, year: 2024, value: 8 },
    { name: 'a count: the whole number still to add', kind: 'total_to_add', actual: 5, target: 21, year: 2024, value: 16 },
    { name: 'a count at 0: 还需新增 the target', kind: 'total_to_add', actual: 0, target: 2, year: 2025, value: 2 },
    { name: '超过2家 with 2: the next unit', kind: 'total_to_add', actual: 2, target: 2, year: 2025, strictlyMore: true, value: 1 },
    { name: '超过2家 with 1: 2 more', kind: 'total_to_add', actual: 1, target: 2, year: 2025, strictlyMore: true, value: 2 },
    {
      name: '超过60% with 60%: 须超过, no number',
      kind: 'amount_per_year',
      actual: 60,
      target: 60,
      year: 2025,
      strictlyMore: true,
      reason: 'needs_more_than_target',
    },
    { name: '超过60% with 58%: 2 points', kind: 'amount_per_year', actual: 58, target: 60, year: 2025, strictlyMore: true, value: 2 },
    { name: 'a rate from 0: the amount still to add', kind: 'compound_rate', actual: 0, target: 500, year: 2025, value: 500, to: 'total_to_add' },
    { name: 'a rate from below 0: the amount still to add', kind: 'compound_rate', actual: -3, target: 500, year: 2025, value: 503, to: 'total_to_add' },
    { name: 'target 0', kind: 'compound_rate', actual: 3, target: 0, year: 2025, reason: 'target_not_positive' },
    { name: 'target year reached', kind: 'compound_rate', actual: 3, target: 5, year: 2026, reason: 'target_year_reached' },
    { name: 'target year passed', kind: 'amount_per_year', actual: 3, target: 5, year: 2027, reason: 'target_year_reached' },
    { name: 'blank actual', kind: 'compound_rate', actual: null, target: 5, year: 2025, reason: 'not_reported' },
    { name: 'overflow', kind: 'compound_rate', actual: 1e-300, target: 1e300, year: 2025, reason: 'out_of_range' },
  ] as const)('$name', (c) => {
    const g = computeGrowthNeeded({
      ...base,
      kind: c.kind,
      actual: c.actual,
      target: c.target,
      year: c.year,
      strictlyMore: 'strictlyMore' in c && c.strictlyMore === true,
    });
    if ('value' in c && c.value !== undefined) expect(g.value).toBeCloseTo(c.value, 12);
    else expect(g).toMatchObject({ value: null, reason: c.reason });
    expect(g.kind).toBe('to' in c ? c.to : c.kind);
    expect(g.yearsLeft).toBe(2026 - c.year);
  });
});

describe('computeCanonicalTarget', () => {
  const target = CAT.targets.find((t) => t.id === 'jinshan.industry_scale.2026')!;
  const indicator = CAT.indicators.find((i) => i.code === 'industry_scale')!;

  it.each([
    { value: 180, unitCode: '亿元', canonical: 1_800_000 },
    { value: 0.07, unitCode: '亿元', canonical: 700 }, // not 700.0000000000001
    { value: 5000, unitCode: '元', canonical: 0.5 },
    { value: 350, unitCode: '万元', canonical: 350 },
  ])('$value $unitCode = $canonical 万元', ({ value, unitCode, canonical }) => {
    expect(computeCanonicalTarget({ ...target, value, unitCode }, indicator).value).toBe(canonical);
  });

  it.each(['家', '不存在'])('refuses a unit that cannot express 万元: %s', (unitCode) => {
    expect(() => computeCanonicalTarget({ ...target, unitCode }, indicator)).toThrow(/figure_convert_(dimension_mismatch|unknown_unit)/);
  });
});

describe('thresholds as data', () => {
  it('lists the six statuses once, in the order they are decided, with zh and en labels and rules, the last one always applying', () => {
    expect(STATUS_RULES.map((r) => r.label.zh)).toEqual(['未报送', '已完成', '提前达到', '符合序时进度', '无法判断', '滞后']);
    expect(STATUS_RULES.map((r) => r.status)).toEqual(['not_reported', 'completed', 'ahead', 'on_track', 'cannot_judge', 'behind']);
    for (const r of STATUS_RULES) expect(r.rule.zh.length * r.rule.en.length).toBeGreaterThan(0);
    expect(STATUS_RULES.at(-1)!.applies({ reported: true, actual: null, completed: false, canFall: true, expected: null, beforeTargetYear: false })).toBe(true);
  });

  const f = { reported: true, canFall: true };
  it.each([
    { facts: { ...f, reported: false, actual: null, completed: false, expected: 1, beforeTargetYear: true }, status: 'not_reported' },
    { facts: { ...f, actual: 5, completed: true, expected: 9, beforeTargetYear: false }, status: 'completed' },
    { facts: { ...f, actual: 5, completed: true, expected: 3, beforeTargetYear: true }, status: 'ahead' },
    { facts: { ...f, canFall: false, actual: 5, completed: true, expected: 3, beforeTargetYear: true }, status: 'completed' },
    { facts: { ...f, actual: 5, completed: false, expected: 5, beforeTargetYear: true }, status: 'on_track' },
    { facts: { ...f, actual: 5, completed: false, expected: 5, beforeTargetYear: false }, status: 'behind' },
    { facts: { ...f, actual: 4.9, completed: false, expected: 5, beforeTargetYear: true }, status: 'behind' },
    { facts: { ...f, actual: 5, completed: false, expected: null, beforeTargetYear: true }, status: 'cannot_judge' },
    { facts: { ...f, actual: 5, completed: false, expected: null, beforeTargetYear: false }, status: 'behind' },
    // A ratio whose denominator is 0: reported, not computable.
    { facts: { ...f, actual: null, completed: false, expected: 5, beforeTargetYear: false }, status: 'cannot_judge' },
  ] as const)('$status', ({ facts, status }) => expect(computeStatus(facts)).toBe(status));

  it('allows rounding noise only', () => {
    expect(isAtLeast(6.499999999999999, 6.5)).toBe(true);
    expect(isAtLeast(6.49, 6.5)).toBe(false);
    expect(isMoreThan(60.00000000000001, 60)).toBe(false);
    expect(isMoreThan(60.0001, 60)).toBe(true);
  });
});

describe('computeRanks', () => {
  it.each([
    { values: [3, 1, 2], direction: 'higher', ranks: [1, 3, 2] },
    { values: [5, 7, 5, 1], direction: 'higher', ranks: [2, 1, 2, 4] },
    { values: [5, null, 7], direction: 'higher', ranks: [2, null, 1] },
    { values: [5, 7, 5], direction: 'lower', ranks: [1, 3, 1] },
    { values: [(68 / 1000) * 100, 6.8], direction: 'higher', ranks: [1, 1] },
    { values: [], direction: 'higher', ranks: [] },
  ] as const)('$values ($direction) → $ranks', ({ values, direction, ranks }) => {
    expect(computeRanks(values, direction)).toEqual(ranks);
  });
});
