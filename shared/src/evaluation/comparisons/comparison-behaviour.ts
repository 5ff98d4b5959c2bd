import type { Comparison, Localized } from '../../catalogue/catalogue-schema.js';

/** How a comparison (the target's wording: 达到, 超过, 1-2家) decides whether an actual meets it. */
export interface ComparisonBehaviour {
  comparison: Comparison;
  /** The rule in words, for the workbook's legend. */
  rule: Localized;
  /** `low` is the target (the low end of a range), `high` the upper end of a range if any. */
  isMet(actual: number, low: number, high: number | null): boolean;
  /** Whether an actual that meets the target still falls short of the aim (the high end of 1-2家). */
  isShortOfAim(actual: number, high: number | null): boolean;
}
