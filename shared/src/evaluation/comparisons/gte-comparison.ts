import { isAtLeast } from '../compare-figures.js';
import type { ComparisonBehaviour } from './comparison-behaviour.js';

/** 达到 / 实现 / 建成 / 不少于 / 以上, and the stretch goals 力争 / 努力: reach at least the target. */
export const GTE_COMPARISON: ComparisonBehaviour = {
  comparison: 'gte',
  rule: { zh: '实际值 ≥ 目标值 即完成', en: 'completed when actual ≥ target' },
  isMet: (actual, low) => isAtLeast(actual, low),
  isShortOfAim: () => false,
};
