import type { Comparison } from '../catalogue/catalogue-schema.js';
import type { Quantity } from './find-quantities.js';
import {
  CEILING_BEFORE, COUNT_UNIT_PATTERN, COUNT_VERBS, CUMULATIVE_WORDS, GT_WORDS, GTE_WORDS, STRETCH_WORDS,
} from './extraction-lexicon.js';

/**
 * How a figure compares with its target, read from the words around it (DOMAIN, "What a target
 * is"): 1-2家 is a range; 超过/突破 right before the figure is strictly more; everything else a
 * plan says of a target (达到, 实现, 建成, 以上, 不少于, or no verb in an enumeration) is ≥.
 * `signal` says the clause speaks of a target at all; a figure in a sentence without a target
 * year needs one. `ceiling` (不超过, 以内) marks a maximum, which the catalogue has no kind for.
 */
export interface ComparisonReading {
  comparison: Comparison;
  stretch: boolean;
  signal: boolean;
  ceiling: boolean;
}

/**
 * 打造/培育 + a count ("打造两个千亿级产业集群", "培育独角兽企业5家") is how task paragraphs state
 * targets, and so is a growth (年均增长10%, 提高5个百分点); 建设 is not (建设两条大道), except before a
 * count in digits (建设3个示范场景: COUNT_VERBS). 盘活/释放 state targets of land and space (盘活存量楼宇30万平方米).
 */
const SIGNAL_WORDS = [
  ...GT_WORDS, ...GTE_WORDS, ...STRETCH_WORDS, ...CUMULATIVE_WORDS, '打造', '培育', '认定', '招引', '吸引', '孵化', '增长', '提高', '提升',
  '盘活', '释放',
];
/** Single characters (达, 超, 逾) count only right before the figure: elsewhere they are parts of words (发达, 直达). */
const ZONE_SIGNALS = SIGNAL_WORDS.filter((w) => w.length > 1);

export function readComparison(chain: readonly string[], beforeZone: string, q: Quantity): ComparisonReading {
  const ceiling = q.ceiling || chain.some((w) => CEILING_BEFORE.includes(w));
  const comparison: Comparison =
    q.valueHigh !== undefined ? 'range' : chain.some((w) => GT_WORDS.includes(w)) ? 'gt' : 'gte';
  const stretch = STRETCH_WORDS.some((w) => beforeZone.includes(w));
  const signal =
    q.atLeast ||
    q.valueHigh !== undefined ||
    chain.some((w) => SIGNAL_WORDS.includes(w)) ||
    ZONE_SIGNALS.some((w) => beforeZone.includes(w)) ||
    (!q.chinese && COUNT_UNIT_PATTERN.test(q.unit) && COUNT_VERBS.some((w) => beforeZone.includes(w)));
  return { comparison, stretch, signal, ceiling };
}
