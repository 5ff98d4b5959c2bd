import type { TemplateField } from '../templates/template-model.js';
import type { Reference, RuleSpec } from './rule-spec.js';

/** Half a unit in the last of two decimals: what rounding in a typed figure can explain. */
export const PART_TOLERANCE = 0.005;
/** A share typed to one decimal (6.8%) can differ from its components by up to 0.05 points. */
export const RATIO_TOLERANCE = 0.05;
/** A change of more than ±50% from the last period needs an explanation (DOMAIN.md). */
export const CHANGE_BAND = 0.5;
/**
 * A whole-number count that moved by this much or less needs no explanation whatever its ±%:
 * counts move in steps of one, so 1→2 孵化器 is +100% and ordinary (docs/domain.md, Validation).
 */
export const CHANGE_FLOOR = 5;
/** 1亿元 = 10000万元 and 1万人 = 10000人: a slip between them shows as a ~10000× jump. */
export const SLIP_FACTOR = 10000;

/**
 * The rule set of a template, derived from its fields (and so from the catalogue): nothing here
 * names a park or an indicator.
 */
export function deriveRules(fields: TemplateField[], periods: { period: string; previousPeriod: string | null }): RuleSpec[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const comparable = periodsComparable(periods.period, periods.previousPeriod);
  const rules: RuleSpec[] = [];
  for (const f of fields) {
    rules.push({ kind: 'figure', field: f.key });
    if (f.baseline !== null && f.baseline.value === null && !f.derived) rules.push({ kind: 'baseline_required', field: f.key });
  }
  // The whole of a field, then the whole of that whole (高端化工新材料 ⊂ 主导及特色产业营收 ⊂ 营业收入).
  const wholesOf = (key: string): string[] => {
    const out: string[] = [];
    for (let w = byKey.get(key)?.partOf; w && byKey.has(w) && w !== key && !out.includes(w); w = byKey.get(w)!.partOf) out.push(w);
    return out;
  };
  for (const f of fields) {
    if (!f.derived) continue;
    rules.push({ kind: 'ratio_consistency', field: f.key, tolerance: RATIO_TOLERANCE });
    // A share whose numerator is a part of its denominator (研发经费支出 ⊂ 营业收入) stays in 0-100
    // through the part ≤ whole rule, which names the figures; others (占全区) need a rule of their own.
    const bounded = f.min !== undefined || f.max !== undefined;
    const covered = f.formula !== undefined && wholesOf(f.formula.numerator).includes(f.formula.denominator);
    if (bounded && !covered) rules.push({ kind: 'derived_in_range', field: f.key });
  }
  for (const f of fields) {
    // Each whole up the chain, checked only when the wholes in between are not reported.
    const wholes = wholesOf(f.key);
    wholes.forEach((whole, i) => {
      const through = wholes.slice(0, i);
      rules.push({ kind: 'part_le_whole', part: f.key, whole, tolerance: PART_TOLERANCE, ...(through.length ? { through } : {}) });
    });
  }
  for (const f of fields) {
    if (f.derived) continue; // checked through its components
    const against = referenceOf(f, periods);
    if (against === null) continue;
    const ref = against === 'baseline' ? { against } : {};
    if (f.runningTotal) rules.push({ kind: 'not_decreasing', field: f.key, ...ref });
    // A flow reported year-to-date restarts each year: a Q1 figure is not comparable to Q4.
    if (f.measure === 'flow' && against === 'previous' && !comparable) continue;
    rules.push({ kind: 'magnitude_slip', field: f.key, factor: SLIP_FACTOR, ...ref });
    // Early in a plan a running total grows fast by nature (9 → 21 is +133%): no band for it.
    // Nor for a year-to-date flow against the quarter before (Q2 holds Q1: +100% is normal); a
    // 10000× slip still shows against it.
    const quarterlyFlow = f.measure === 'flow' && /Q[1-4]$/.test(periods.period) && against === 'previous';
    if (!f.runningTotal && !quarterlyFlow)
      rules.push({ kind: 'change_band', field: f.key, band: CHANGE_BAND, ...(f.valueType === 'integer' ? { floor: CHANGE_FLOOR } : {}), ...ref });
  }
  return rules;
}

/**
 * What a field's change is measured from: the previous period when the template has one;
 * otherwise, in an annual return for the year right after the baseline year (a park's first
 * return), the baseline typed with it, which is the figure of the previous year. A quarter is
 * never compared with an annual baseline.
 */
function referenceOf(f: TemplateField, periods: { period: string; previousPeriod: string | null }): Reference | null {
  if (periods.previousPeriod !== null) return 'previous';
  const annual = /^\d{4}$/.test(periods.period);
  return annual && f.baseline !== null && f.baseline.year === Number(periods.period) - 1 ? 'baseline' : null;
}

/** Annual after annual, or quarters within one year. */
function periodsComparable(period: string, previous: string | null): boolean {
  if (previous === null) return false;
  const q = /Q[1-4]$/;
  if (!q.test(period) && !q.test(previous)) return true;
  return q.test(period) && q.test(previous) && period.slice(0, 4) === previous.slice(0, 4);
}
