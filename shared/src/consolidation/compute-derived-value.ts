import type { Indicator } from '../catalogue/catalogue-schema.js';
import { componentBehaviourOf } from './components/component-behaviour-of.js';
import { computeQuotient, type QuotientReason } from './compute-quotient.js';

export type DerivedReason = 'no_components' | 'missing_component' | QuotientReason;

/** A ratio or rate with its parts (DHIS2's indicator value): value = numerator / denominator × scale. */
export interface Derived {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason?: DerivedReason;
}

/**
 * One unit's ratio or rate from its components, e.g. 研发经费占营收比重 = 研发经费支出 / 营业收入 × 100,
 * 日均新增科技企业 = 新增科技企业数 / days. `periodDays` is the length of the period the values cover.
 */
export function computeDerivedValue(
  indicator: Indicator,
  values: Readonly<Record<string, number | null>>,
  periodDays: number,
): Derived {
  const c = indicator.components;
  if (!c) return { value: null, numerator: null, denominator: null, reason: 'no_components' };
  const numerator = componentBehaviourOf(c.numerator).figureOf('', values, periodDays)?.value ?? null;
  const denominator = componentBehaviourOf(c.denominator).figureOf('', values, periodDays)?.value ?? null;
  if (numerator === null || denominator === null) {
    return { value: null, numerator, denominator, reason: 'missing_component' };
  }
  const q = computeQuotient(numerator, denominator, c.scale);
  return q.reason ? { value: null, numerator, denominator, reason: q.reason } : { value: q.value, numerator, denominator };
}
