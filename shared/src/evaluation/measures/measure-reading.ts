import type { DerivedReason } from '../../consolidation/compute-derived-value.js';

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
  reason?: ReadingReason;
}
