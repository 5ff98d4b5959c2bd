import type { Indicator, Localized, MeasureKind } from '../../catalogue/catalogue-schema.js';
import type { MeasureReading } from './measure-reading.js';

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
  /** compound_rate: (target / actual)^(1 / yearsLeft) − 1; amount_per_year: (target − actual) / yearsLeft. */
  growth: 'compound_rate' | 'amount_per_year';
}
