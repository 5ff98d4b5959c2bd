import type { TemplateField } from '../templates/template-model.js';
import type { RuleSpec } from './rule-spec.js';

/** Half a unit in the last of two decimals: what rounding in a typed figure can explain. */
export const PART_TOLERANCE = 0.005;
/** A share typed to one decimal (6.8%) can differ from its components by up to 0.05 points. */
export const RATIO_TOLERANCE = 0.05;
/** A change of more than ±50% from the last period needs an explanation (DOMAIN.md). */
export const CHANGE_BAND = 0.5;
/** 1亿元 = 10000万元 and 1万人 = 10000人: a slip between them shows as a ~10000× jump. */
export const SLIP_FACTOR = 10000;

/**
 * The rule set of a template, derived from its fields (and so from the catalogue): nothing here
 * names a park or an indicator.
 */
export function deriveRules(fields: TemplateField[], periods: { period: string; previousPeriod: string | null }): RuleSpec[] {
  const keys = new Set(fields.map((f) => f.key));
  const comparable = periodsComparable(periods.period, periods.previousPeriod);
  const rules: RuleSpec[] = [];
  for (const f of fields) {
    rules.push({ kind: 'figure', field: f.key });
    if (f.baseline !== null && f.baseline.value === null && !f.derived) rules.push({ kind: 'baseline_required', field: f.key });
  }
  for (const f of fields) {
    if (f.derived) rules.push({ kind: 'ratio_consistency', field: f.key, tolerance: RATIO_TOLERANCE });
  }
  for (const f of fields) {
    const whole = f.partOf;
    if (whole && keys.has(whole)) rules.push({ kind: 'part_le_whole', part: f.key, whole, tolerance: PART_TOLERANCE });
  }
  if (periods.previousPeriod !== null) {
    for (const f of fields) {
      if (f.derived) continue; // checked through its components
      if (f.runningTotal) rules.push({ kind: 'not_decreasing', field: f.key });
      // A flow reported year-to-date restarts each year: a Q1 figure is not comparable to Q4.
      if (f.measure === 'flow' && !comparable) continue;
      rules.push({ kind: 'magnitude_slip', field: f.key, factor: SLIP_FACTOR });
      // Early in a plan a running total grows fast by nature (9 → 21 is +133%): no band for it.
      if (!f.runningTotal) rules.push({ kind: 'change_band', field: f.key, band: CHANGE_BAND });
    }
  }
  return rules;
}

/** Annual after annual, or quarters within one year. */
function periodsComparable(period: string, previous: string | null): boolean {
  if (previous === null) return false;
  const q = /Q[1-4]$/;
  if (!q.test(period) && !q.test(previous)) return true;
  return q.test(period) && q.test(previous) && period.slice(0, 4) === previous.slice(0, 4);
}
