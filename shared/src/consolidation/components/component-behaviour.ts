import type { Figure } from '../figure.js';

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
