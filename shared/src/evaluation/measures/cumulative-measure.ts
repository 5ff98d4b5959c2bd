import type { MeasureBehaviour } from './measure-behaviour.js';
import { readReportedValue } from './read-reported-value.js';

/**
 * A total over the plan period (新增 / 引进 / 签约: 新增21个药品注册批件, 引进产业链企业50家).
 * The template asks for the running total since the plan started (自方案起始年累计), so the
 * year's reported figure is the actual as it stands: nothing is summed here, and a missing
 * year cannot silently drop part of the total. The path starts from 0 the year before the plan.
 */
export const CUMULATIVE_MEASURE: MeasureBehaviour = {
  kind: 'cumulative',
  reading: { zh: '自方案起始年起的累计数(报表填报累计值)', en: 'running total since the plan started (reported as such)' },
  readActual: (indicator, values) => readReportedValue(indicator.code, values, 'not_reported'),
  readBaseline: () => ({ value: 0, numerator: null, denominator: null, source: 'plan_start' }),
  growth: 'amount_per_year',
};
