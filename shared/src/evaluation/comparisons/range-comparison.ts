import { isAtLeast } from '../compare-figures.js';
import type { ComparisonBehaviour } from './comparison-behaviour.js';

/** 1-2家: at least the low end completes the target; the high end is the aim (noted when not reached). */
export const RANGE_COMPARISON: ComparisonBehaviour = {
  comparison: 'range',
  rule: { zh: '实际值 ≥ 区间下限 即完成;未达上限另行注明', en: 'completed at the low end of the range; a note when below the high end' },
  isMet: (actual, low) => isAtLeast(actual, low),
  isShortOfAim: (actual, high) => high !== null && !isAtLeast(actual, high),
};
