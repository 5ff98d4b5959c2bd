import type { MeasureBehaviour } from './measure-behaviour.js';
import { readDerivedValue } from './read-derived-value.js';

/**
 * A per-capita or per-day rate (劳动生产率 = 增加值 / 从业人员; 日均新增科技企业 = 新增科技企业数 / days),
 * computed from its components; a 日均 denominator is the days of that year (365 or 366).
 */
export const RATE_MEASURE: MeasureBehaviour = {
  kind: 'rate',
  reading: { zh: '由分子、分母计算(日均指标以当年天数为分母)', en: 'computed from its components (days of the year for per-day rates)' },
  readActual: (indicator, values, days) => readDerivedValue(indicator, values, days, 'not_reported'),
  readBaseline: (indicator, baselines, days) => readDerivedValue(indicator, baselines, days, 'no_baseline'),
  growth: 'compound_rate',
};
