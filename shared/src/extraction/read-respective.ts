import type { Quantity } from './find-quantities.js';
import type { YearMention } from './find-year-mentions.js';
import { countMentionsEndingBy } from './count-mentions-ending-by.js';

/**
 * "A、B分别达到X、Y" and "2025年、2026年分别达到X、Y": the indicators (A for X, B for Y) or the years the
 * list before 分别 gives the figures that follow it, one each. A list whose length is not the number
 * of figures is not split (`parts` or `years` empty) and 分别 is dropped from the indicator.
 */
export interface RespectiveReading {
  indicator: string;
  parts: string[];
  years: YearMention[];
  /** How many figures follow 分别, joined by connectors only (3000家和1200家 → 2). */
  count: number;
}

const RESPECTIVELY = '分别';
/** Between the figures of "分别达到3000家和1200家", or between the years of "2025年、2026年": only connectors. */
const JOINT = /^[、,，和及与]*$/;
const LIST_PARTS = /、|以及|和|与|及(?!以上)/;

export function readRespective(t: string, indicator: string, quantities: readonly Quantity[], k: number, mentions: readonly YearMention[]): RespectiveReading {
  const whole = indicator.slice(0, -RESPECTIVELY.length);
  const q = quantities[k] as Quantity;
  let n = 1;
  while (n <= 8 && k + n < quantities.length && JOINT.test(t.slice((quantities[k + n - 1] as Quantity).tailEnd, (quantities[k + n] as Quantity).start))) n++;
  const parts = whole.split(LIST_PARTS).filter((p) => p !== '');
  return {
    indicator: whole === '' ? indicator : whole,
    parts: parts.length >= 2 && parts.length === n ? parts : [],
    years: yearListBefore(t, mentions, q.start, n),
    count: n,
  };
}

/** The run of years joined by connectors that ends last before `at`, when it has `n` years. */
function yearListBefore(t: string, mentions: readonly YearMention[], at: number, n: number): YearMention[] {
  if (n < 2) return [];
  const last = countMentionsEndingBy(mentions, at) - 1;
  if (last < 0) return [];
  let first = last;
  while (first > 0 && last - first + 1 < n && JOINT.test(t.slice((mentions[first - 1] as YearMention).end, (mentions[first] as YearMention).start))) first--;
  return last - first + 1 === n ? mentions.slice(first, last + 1) : [];
}
