import { isMoreThan } from '../compare-figures.js';
import type { ComparisonBehaviour } from './comparison-behaviour.js';

/** 超过: strictly more than the target; reaching it exactly (60% against 超过60%) is not enough. */
export const GT_COMPARISON: ComparisonBehaviour = {
  comparison: 'gt',
  rule: { zh: '实际值 > 目标值 即完成(“超过”:恰好等于目标不算完成)', en: 'completed when actual > target (“超过”: exactly the target is not enough)' },
  isMet: (actual, low) => isMoreThan(actual, low),
  isShortOfAim: () => false,
};
