import type { ComponentRef, Indicator } from '../catalogue/catalogue-schema.js';

/** One reporting unit's value of one indicator: the only thing consolidation ever adds up. */
export interface Figure {
  unit: string;
  indicator: string;
  value: number;
}

/**
 * Figures of different definitions are never added together (高新技术企业数量(累计) and
 * 有效期内高新技术企业 are two indicators, 三大先导产业 and 三大特色产业 are two sets): every
 * definition is its own indicator code, and anything that combines figures checks they share it.
 * A mix is a programming error, so this throws.
 */
export function assertSameIndicator(indicator: string, figures: readonly Figure[]): void {
  const stranger = figures.find((f) => f.indicator !== indicator);
  if (stranger) {
    throw new Error(`cannot combine "${stranger.indicator}" (${stranger.unit}) with "${indicator}": different definitions`);
  }
}

/** Σ of the figures of one indicator; throws if any figure belongs to another indicator. */
export function sumFigures(indicator: string, figures: readonly Figure[]): number {
  assertSameIndicator(indicator, figures);
  return figures.reduce((acc, f) => acc + f.value, 0);
}

export type QuotientReason = 'division_by_zero' | 'out_of_range';

export interface Quotient {
  value: number | null;
  reason?: QuotientReason;
}

/**
 * numerator / denominator × scale, where a zero denominator or an overflow is a coded result:
 * NaN and Infinity never leave this function.
 */
export function computeQuotient(numerator: number, denominator: number, scale = 1): Quotient {
  if (denominator === 0) return { value: null, reason: 'division_by_zero' };
  const value = (numerator / denominator) * scale;
  return Number.isFinite(value) ? { value } : { value: null, reason: 'out_of_range' };
}

/**
 * How one kind of ratio component (an indicator, or the days of the period for 日均 rates)
 * is read for one unit and totalled over the units that contribute.
 */
export interface ComponentBehaviour {
  /** The indicator code, or "period_days". */
  label: string;
  /** One unit's figure for this component; null when the unit left it blank. */
  figureOf(unit: string, values: Readonly<Record<string, number | null>>, periodDays: number): Figure | null;
  /** The consolidated figure from the contributing units' figures. */
  total(figures: readonly Figure[], periodDays: number): number;
}

/** A component that is another indicator (研发经费支出, 营业收入): read per unit, totalled by Σ. */
function indicatorComponent(indicator: string): ComponentBehaviour {
  return {
    label: indicator,
    figureOf(unit, values) {
      const value = values[indicator];
      return value === null || value === undefined ? null : { unit, indicator, value };
    },
    total: (figures) => sumFigures(indicator, figures),
  };
}

/**
 * The days of the period, denominator of a 日均 (per-day) rate. Every unit shares the same
 * calendar, so the zone's denominator is the days counted once, never Σ over parks:
 * zone 日均新增 = Σ新增 / days = Σ (park 日均新增).
 */
const PERIOD_DAYS_COMPONENT: ComponentBehaviour = {
  label: 'period_days',
  figureOf: (unit, _values, periodDays) => ({ unit, indicator: 'period_days', value: periodDays }),
  total: (_figures, periodDays) => periodDays,
};

export function componentBehaviourOf(ref: ComponentRef): ComponentBehaviour {
  return 'indicator' in ref ? indicatorComponent(ref.indicator) : PERIOD_DAYS_COMPONENT;
}

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
export function computeDerivedValue(indicator: Indicator, values: Readonly<Record<string, number | null>>, periodDays: number): Derived {
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
