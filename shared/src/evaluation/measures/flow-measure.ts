import type { MeasureBehaviour } from './measure-behaviour.js';
import { readReportedValue } from './read-reported-value.js';

/** An amount during the year (当年/年度): PCT专利年申请量, 产业规模, 营业收入 of the year. */
export const FLOW_MEASURE: MeasureBehaviour = {
  kind: 'flow',
  reading: { zh: '当年发生额', en: 'amount during the year' },
  readActual: (indicator, values) => readReportedValue(indicator.code, values, 'not_reported'),
  readBaseline: (indicator, baselines) => readReportedValue(indicator.code, baselines, 'no_baseline'),
  growth: 'compound_rate',
};
