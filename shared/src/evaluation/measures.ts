import type { Indicator, Localized, MeasureKind } from '../catalogue/catalogue-schema.js';
import { computeDerivedValue, type DerivedReason } from '../consolidation/derived-values.js';
import { periodDays, periodOf } from '../periods/periods.js';

/**
 * reported: the figure as the park reported it; components: a ratio or rate computed from its
 * reported components; plan_start: the running total of a cumulative measure, 0 before the plan.
 */
export type ReadingSource = 'reported' | 'components' | 'plan_start' | 'none';

export type ReadingReason = 'not_reported' | 'no_baseline' | DerivedReason;

/** A figure as evaluation read it, with its parts (for ratios and rates) and why it may be blank. */
export interface MeasureReading {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: ReadingSource;
  /** The park answered 无 for this figure: the value is 0 (docs/domain.md, "Declared none (无)"). */
  declaredNone?: true;
  reason?: ReadingReason;
}

type Values = Readonly<Record<string, number | null>> | null;

/**
 * How one measure kind is evaluated: how the year's actual and the baseline (基期值) are read,
 * and how the growth still needed (还需年均增长) is expressed. The 序时进度 path is the straight
 * line from the baseline to the target for every kind; the kind decides where it starts.
 */
export interface MeasureBehaviour {
  kind: MeasureKind;
  /** How the actual is read, for the workbook's notes. */
  reading: Localized;
  /** The year's actual from the park's return of that year (null: no return). `days`: days in that year. */
  readActual(indicator: Indicator, values: Values, days: number): MeasureReading;
  /** The start of the 序时进度 path: the value in the year before the plan starts (`days` of that year). */
  readBaseline(indicator: Indicator, baselines: Values, days: number): MeasureReading;
  /**
   * Whether the figure can fall from one year to the next: a target it meets early is then
   * 提前达到, not 已完成 (docs/domain.md, "Evaluation"). Running totals cannot fall.
   */
  canFall(indicator: Indicator): boolean;
}

/** Days in a calendar year (365 or 366): the denominator of a 日均 rate over that year. */
export function computeDaysInYear(year: number): number {
  return periodDays(periodOf(year, null));
}

/** The figure of `code` as reported; `blank` names why it may be missing (not_reported or no_baseline). */
function readReportedValue(code: string, values: Values, blank: 'not_reported' | 'no_baseline'): MeasureReading {
  const value = values?.[code] ?? null;
  const reading: MeasureReading = { value, numerator: null, denominator: null, source: value === null ? 'none' : 'reported' };
  if (value === null) reading.reason = blank;
  return reading;
}

/**
 * A ratio or rate from its components when the park reported both (研发经费支出 / 营业收入 × 100);
 * otherwise the ratio as typed, if it was; otherwise blank with the reason. A zero denominator
 * stays a coded blank: a typed percentage cannot rescue a ratio whose whole is 0.
 */
function readDerivedValue(indicator: Indicator, values: Values, days: number, blank: 'not_reported' | 'no_baseline'): MeasureReading {
  if (!values) return { value: null, numerator: null, denominator: null, source: 'none', reason: blank };
  const d = computeDerivedValue(indicator, values, days);
  if (d.value !== null) return { value: d.value, numerator: d.numerator, denominator: d.denominator, source: 'components' };
  const typed = values[indicator.code] ?? null;
  const parts = { numerator: d.numerator, denominator: d.denominator };
  if (d.reason === 'division_by_zero' || d.reason === 'out_of_range') return { value: null, ...parts, source: 'none', reason: d.reason };
  if (typed !== null) return { value: typed, ...parts, source: 'reported' };
  return { value: null, ...parts, source: 'none', reason: blank };
}

/** A stock at the end of the year (存量/期末数): 有效期内高新技术企业, 高质量孵化器, 人才总量. */
const LEVEL_MEASURE: MeasureBehaviour = {
  kind: 'level',
  reading: { zh: '年末存量', en: 'stock at the end of the year' },
  readActual: (indicator, values) => readReportedValue(indicator.code, values, 'not_reported'),
  readBaseline: (indicator, baselines) => readReportedValue(indicator.code, baselines, 'no_baseline'),
  // 高新技术企业数量(累计), 累计集聚基金规模: a running total counted from before the plan never falls.
  canFall: (indicator) => !indicator.runningTotal,
};

/** An amount during the year (当年/年度): PCT专利年申请量, 产业规模, 营业收入 of the year. */
const FLOW_MEASURE: MeasureBehaviour = {
  kind: 'flow',
  reading: { zh: '当年发生额', en: 'amount during the year' },
  readActual: (indicator, values) => readReportedValue(indicator.code, values, 'not_reported'),
  readBaseline: (indicator, baselines) => readReportedValue(indicator.code, baselines, 'no_baseline'),
  canFall: () => true,
};

/**
 * A total over the plan period (新增 / 引进 / 签约: 新增21个药品注册批件, 引进产业链企业50家).
 * The template asks for the running total since the plan started (自方案起始年累计), so the
 * year's reported figure is the actual as it stands: nothing is summed here, and a missing
 * year cannot silently drop part of the total. The path starts from 0 the year before the plan.
 */
const CUMULATIVE_MEASURE: MeasureBehaviour = {
  kind: 'cumulative',
  reading: { zh: '自方案起始年起的累计数（报表填报累计值）', en: 'running total since the plan started (reported as such)' },
  readActual: (indicator, values) => readReportedValue(indicator.code, values, 'not_reported'),
  readBaseline: () => ({ value: 0, numerator: null, denominator: null, source: 'plan_start' }),
  canFall: () => false,
};

/** A share in percent (占比/比重: 研发经费占营收比重), computed from its components when reported. */
const RATIO_MEASURE: MeasureBehaviour = {
  kind: 'ratio',
  reading: { zh: '由分子、分母计算（分子 ÷ 分母 × 100）', en: 'computed from its components (numerator ÷ denominator × 100)' },
  readActual: (indicator, values, days) => readDerivedValue(indicator, values, days, 'not_reported'),
  readBaseline: (indicator, baselines, days) => readDerivedValue(indicator, baselines, days, 'no_baseline'),
  canFall: () => true,
};

/**
 * A per-capita or per-day rate (劳动生产率 = 增加值 / 从业人员; 日均新增科技企业 = 新增科技企业数 / days),
 * computed from its components; a 日均 denominator is the days of that year (365 or 366).
 */
const RATE_MEASURE: MeasureBehaviour = {
  kind: 'rate',
  reading: { zh: '由分子、分母计算（日均指标以当年天数为分母）', en: 'computed from its components (days of the year for per-day rates)' },
  readActual: (indicator, values, days) => readDerivedValue(indicator, values, days, 'not_reported'),
  readBaseline: (indicator, baselines, days) => readDerivedValue(indicator, baselines, days, 'no_baseline'),
  canFall: () => true,
};

/** Every measure kind of the schema declares its behaviour here; a new kind fails to compile until it does. */
export const MEASURE_KINDS: Readonly<Record<MeasureKind, MeasureBehaviour>> = {
  level: LEVEL_MEASURE,
  flow: FLOW_MEASURE,
  cumulative: CUMULATIVE_MEASURE,
  ratio: RATIO_MEASURE,
  rate: RATE_MEASURE,
};
