import type { YearMention } from './find-year-mentions.js';

/** How many mentions (sorted in text order) end at or before `at`: a binary search. */
export function countMentionsEndingBy(mentions: readonly YearMention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as YearMention).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
