import type { Quantity } from './find-quantities.js';
import {
  CEILING_BEFORE,
  COUNT_UNIT_PATTERN,
  COUNT_VERBS,
  CUMULATIVE_WORDS,
  DECLINE_WORDS,
  GT_WORDS,
  GTE_WORDS,
  LT_WORDS,
  LTE_WORDS,
  STRETCH_WORDS,
} from './extraction-lexicon.js';
import type { ProposalComparison } from './target-proposal.js';

/**
 * How a figure compares with its target, read from the words around it (DOMAIN, "What a target
 * is"): 1-2家 is a range; 超过/突破 right before the figure is strictly more; 不超过, 控制在…以内,
 * …以下 is a ceiling (≤), 低于 strictly below; everything else a plan says of a target (达到, 实现,
 * 建成, 以上, 不少于, or no verb in an enumeration) is ≥. `signal` says the clause speaks of a
 * target at all, and `word` which word says so; a figure in a sentence without a target year needs one.
 */
export interface ComparisonReading {
  comparison: ProposalComparison;
  stretch: boolean;
  signal: boolean;
  /** The word that makes the clause speak of a target (达到, 以上, 建设), or '' when none does. */
  word: string;
  /** The count verb (建设3个) is the only signal. */
  countVerb: boolean;
  ceiling: boolean;
  /** 下降/降低/减少 before the figure: a fall aimed at. */
  decline: boolean;
}

/**
 * 打造/培育 + a count ("打造两个千亿级产业集群", "培育独角兽企业5家") is how task paragraphs state
 * targets, and so is a growth (年均增长10%, 提高5个百分点) or a fall (能耗下降5%); 建设 is not (建设两条大道),
 * except before a count in digits (建设3个示范场景: COUNT_VERBS). 盘活/释放 state targets of land and space.
 */
const SIGNAL_WORDS = [
  ...GT_WORDS,
  ...GTE_WORDS,
  ...STRETCH_WORDS,
  ...CUMULATIVE_WORDS,
  ...DECLINE_WORDS,
  '打造',
  '培育',
  '认定',
  '招引',
  '吸引',
  '孵化',
  '增长',
  '提高',
  '提升',
  '盘活',
  '释放',
  '全年',
  '完成',
];
/** Single characters (达, 超, 逾) count only right before the figure: elsewhere they are parts of words (发达, 直达). */
const ZONE_SIGNALS = SIGNAL_WORDS.filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
const CEILING_WORDS = [...CEILING_BEFORE, ...LTE_WORDS];

export function readComparison(chain: readonly string[], beforeZone: string, q: Quantity): ComparisonReading {
  const lte = q.ceiling || chain.some((w) => CEILING_WORDS.includes(w) && !LT_WORDS.includes(w));
  const lt = !lte && chain.some((w) => LT_WORDS.includes(w));
  const ceiling = lte || lt;
  const comparison: ProposalComparison = q.valueHigh !== undefined ? 'range' : lte ? 'lte' : lt ? 'lt' : chain.some((w) => GT_WORDS.includes(w)) ? 'gt' : 'gte';
  const stretch = STRETCH_WORDS.some((w) => beforeZone.includes(w));
  const chainWord = [...chain].reverse().find((w) => SIGNAL_WORDS.includes(w) || CEILING_WORDS.includes(w));
  const zoneWord = ZONE_SIGNALS.find((w) => beforeZone.includes(w));
  const countVerb = !q.chinese && COUNT_UNIT_PATTERN.test(q.unit) ? COUNT_VERBS.find((w) => beforeZone.includes(w)) : undefined;
  const tail = q.atLeast ? '以上' : q.ceiling ? '以内' : q.valueHigh !== undefined ? '区间' : '';
  const word = tail || chainWord || zoneWord || (ceiling ? '控制在' : '') || countVerb || '';
  const decline = DECLINE_WORDS.some((w) => beforeZone.endsWith(w) || chain.includes(w)) || DECLINE_WORDS.some((w) => beforeZone.slice(-8).includes(w));
  return { comparison, stretch, signal: word !== '', word, countVerb: word !== '' && word === countVerb, ceiling, decline };
}
