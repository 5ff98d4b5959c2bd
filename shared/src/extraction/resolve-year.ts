import type { PlanYears } from './detect-plan-years.js';
import type { Quantity } from './find-quantities.js';
import type { YearMention } from './find-year-mentions.js';
import { countMentionsEndingBy } from './count-mentions-ending-by.js';
import type { SentenceContext } from './sentence-context.js';

export interface YearScope {
  year: number | null;
  /** The figure is a past figure (基期值), not a target. */
  baseline: boolean;
  /** The year was named in the figure's own sentence; else inherited or the plan's, and the figure needs a target word. */
  fromSentence: boolean;
  /** The year was named in the figure's sentence or the sentence before it: not the plan's default. */
  named: boolean;
}

/**
 * The year a figure aims at. A clause inherits the year its sentence names before it (or, if
 * none, after it); a sentence without a year inherits the one before it in the same paragraph
 * (its last 到XXXX年, not a "其中2025年" inside it); else the plan's target year. A bare year
 * before the plan's first future year is a baseline, and so is a figure after a strong past
 * marker (截至, 以来, 近三年) that no target year follows.
 * Lookups are binary searches: a long sentence with many figures stays linear.
 */
export function resolveYear(q: Quantity, ctx: SentenceContext): YearScope {
  const before = lastEndingBy(ctx.mentions, q.start);
  const own = before ?? ctx.mentions.find((m) => m.start >= q.tailEnd);
  const past = tellsOfThePast(q, ctx);
  if (own) return { year: own.year, baseline: isBaseline(own, ctx.years) || past, fromSentence: true, named: true };
  const inherited = lastTarget(ctx.previous) ?? ctx.previous[ctx.previous.length - 1];
  if (inherited) return { year: inherited.year, baseline: isBaseline(inherited, ctx.years) || past, fromSentence: false, named: true };
  return { year: ctx.years.targetYear, baseline: past, fromSentence: false, named: false };
}

export function isBaseline(m: YearMention, years: PlanYears): boolean {
  if (m.kind === 'baseline') return true;
  if (m.kind === 'target') return false;
  return years.firstFutureYear !== null && m.year < years.firstFutureYear;
}

function lastTarget(mentions: readonly YearMention[]): YearMention | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i]?.kind === 'target') return mentions[i];
  return undefined;
}

function tellsOfThePast(q: Quantity, ctx: SentenceContext): boolean {
  const marker = lastBefore(ctx.pastMarkers, q.start);
  if (marker === undefined) return false;
  const future = lastEndingBy(ctx.futureMentions, q.start);
  return future === undefined || future.start < marker;
}

/** The last mention (in text order) that ends at or before `at`. */
function lastEndingBy(mentions: readonly YearMention[], at: number): YearMention | undefined {
  return mentions[countMentionsEndingBy(mentions, at) - 1];
}

function lastBefore(positions: readonly number[], at: number): number | undefined {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return positions[lo - 1];
}
