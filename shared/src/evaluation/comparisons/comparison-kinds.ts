import type { Comparison } from '../../catalogue/catalogue-schema.js';
import type { ComparisonBehaviour } from './comparison-behaviour.js';
import { GT_COMPARISON } from './gt-comparison.js';
import { GTE_COMPARISON } from './gte-comparison.js';
import { RANGE_COMPARISON } from './range-comparison.js';

/** Every comparison of the schema declares its rule here; a new one fails to compile until it does. */
export const COMPARISON_KINDS: Readonly<Record<Comparison, ComparisonBehaviour>> = {
  gte: GTE_COMPARISON,
  gt: GT_COMPARISON,
  range: RANGE_COMPARISON,
};
