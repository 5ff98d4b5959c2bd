import type { MeasureBehaviour } from './measure-behaviour.js';
import { readDerivedValue } from './read-derived-value.js';

/** A share in percent (占比/比重: 研发经费占营收比重), computed from its components when reported. */
export const RATIO_MEASURE: MeasureBehaviour = {
  kind: 'ratio',
  reading: { zh: '由分子、分母计算(分子 ÷ 分母 × 100)', en: 'computed from its components (numerator ÷ denominator × 100)' },
  readActual: (indicator, values, days) => readDerivedValue(indicator, values, days, 'not_reported'),
  readBaseline: (indicator, baselines, days) => readDerivedValue(indicator, baselines, days, 'no_baseline'),
  // A share moves in percentage points: 还需每年提高 x 个百分点, not a growth rate of a percentage.
  growth: 'amount_per_year',
};
