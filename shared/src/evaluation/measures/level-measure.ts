import type { MeasureBehaviour } from './measure-behaviour.js';
import { readReportedValue } from './read-reported-value.js';

/** A stock at the end of the year (存量/期末数): 有效期内高新技术企业, 高质量孵化器, 人才总量. */
export const LEVEL_MEASURE: MeasureBehaviour = {
  kind: 'level',
  reading: { zh: '年末存量', en: 'stock at the end of the year' },
  readActual: (indicator, values) => readReportedValue(indicator.code, values, 'not_reported'),
  readBaseline: (indicator, baselines) => readReportedValue(indicator.code, baselines, 'no_baseline'),
  growth: 'compound_rate',
};
