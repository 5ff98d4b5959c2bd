import type { ComponentBehaviour } from './component-behaviour.js';

/**
 * The days of the period, denominator of a 日均 (per-day) rate. Every unit shares the same
 * calendar, so the zone's denominator is the days counted once, never Σ over parks:
 * zone 日均新增 = Σ新增 / days = Σ (park 日均新增).
 */
export const PERIOD_DAYS_COMPONENT: ComponentBehaviour = {
  label: 'period_days',
  figureOf: (unit, _values, periodDays) => ({ unit, indicator: 'period_days', value: periodDays }),
  total: (_figures, periodDays) => periodDays,
};
