import { COUNT_UNIT_PATTERN, CUMULATIVE_WORDS, GT_WORDS, GTE_WORDS, STRETCH_WORDS } from './extraction-lexicon.js';
import type { Quantity } from './find-quantities.js';

/**
 * A grade (培育百亿级企业2家) or a sum (培育营收超百亿元设计企业3家, 产值超10亿元企业10家) followed, within
 * its clause and without a verb, by a count of things: it says which things are counted and is no
 * target of its own.
 */
const LIST_DELIMITER = /[,，;；:：。、]/;
/** Verbs that start a new target: a figure before them does not qualify the figure after them. */
const VERBS = [...GT_WORDS, ...GTE_WORDS, ...STRETCH_WORDS, ...CUMULATIVE_WORDS].filter((w) => w.length > 1);
const MAX_QUALIFIED_NOUN = 12;

export function describesNext(t: string, q: Quantity, next: Quantity): boolean {
  const between = t.slice(q.tailEnd, next.start);
  if (LIST_DELIMITER.test(between)) return false;
  if (q.grade) return true;
  return (
    between.length > 0 &&
    between.length <= MAX_QUALIFIED_NOUN &&
    !COUNT_UNIT_PATTERN.test(q.unit) &&
    COUNT_UNIT_PATTERN.test(next.unit) &&
    !VERBS.some((w) => between.includes(w))
  );
}
