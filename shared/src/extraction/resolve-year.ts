import type { PlanYears } from './detect-plan-years.js';
import type { Quantity } from './find-quantities.js';
import type { YearMention } from './find-year-mentions.js';
import { countMentionsEndingBy } from './count-mentions-ending-by.js';
import type { SentenceContext } from './sentence-context.js';

/**
 * Where the year of a figure was found:
 * - sentence: its own sentence (到2026年…, …这一目标力争2026年实现, 2025年、2026年分别…);
 * - earlier: the sentence before in its paragraph, or the 到XXXX年 that opened its goal section;
 * - heading: the heading above it ((一)2025年目标, 二、2025年主要预期目标);
 * - title: the document's title (2025年工作要点, (2025年版), (2025—2027年));
 * - table: the column header of a goal table (2025年目标);
 * - plan: the plan's target year, named nowhere near the figure.
 */
const CLAUSE_BREAK = /[,，;；。]/;

export type YearSource = 'sentence' | 'earlier' | 'heading' | 'title' | 'table' | 'plan';

export interface YearScope {
  year: number | null;
  /** The figure is a past figure (基期值), not a target. */
  baseline: boolean;
  /** The year was named in the figure's own sentence; else the figure needs a target word or a goal section. */
  fromSentence: boolean;
  /** The year was named near the figure (its sentence, the one before, its heading, its section, the title): not the plan's default. */
  named: boolean;
  source: YearSource;
  /** The mention that names the year (its normalized-text span), or null for the plan's default. */
  at: YearMention | null;
}

/**
 * The year a figure aims at. A clause takes the year its sentence names before it (or, if none,
 * after it); a sentence without a year takes the one before it in the same paragraph (its last
 * 到XXXX年, not a "其中2025年" inside it); then, in order, the year its heading names, the year
 * that opened its goal section, the year of the title, the plan's target year. A year before the
 * plan's first future year is a baseline, and so is a figure after a strong past marker (截至,
 * 以来, 目前) that no target year follows, and a figure of a review section whose own sentence
 * names no year to come. Lookups are binary searches: a long sentence with many figures stays linear.
 */
export function resolveYear(q: Quantity, ctx: SentenceContext): YearScope {
  const before = lastEndingBy(ctx.mentions, q.start);
  // A year after the figure scopes it when it aims ("…，这一目标力争2026年实现") or stands in its clause;
  // "全年实施30项，2024年实施23项": the year of the next clause is not the figure's.
  const own = before ?? ctx.mentions.find((m) => m.start >= q.tailEnd && (m.kind === 'target' || !CLAUSE_BREAK.test(ctx.text.slice(q.tailEnd, m.start))));
  const past = tellsOfThePast(q, ctx);
  if (own) {
    const baseline = isBaseline(own, ctx.years) || past || (ctx.inReview && own.kind !== 'target' && !isFuture(own, ctx.years));
    return { year: own.year, baseline, fromSentence: true, named: true, source: 'sentence', at: own };
  }
  const review = past || ctx.inReview;
  const inherited = lastTarget(ctx.previous) ?? ctx.previous[ctx.previous.length - 1];
  // "（一）2025年目标。全年新增150家。": the sentence before is the heading itself.
  if (inherited) return scoped(inherited, inherited.start === ctx.headingYear?.start ? 'heading' : 'earlier', review, ctx.years, true);
  if (ctx.headingYear) return scoped(ctx.headingYear, 'heading', review, ctx.years, true);
  if (ctx.openerYear && ctx.inGoals) return scoped(ctx.openerYear, 'earlier', review, ctx.years, true);
  if (ctx.titleYear) return scoped(ctx.titleYear, 'title', review, ctx.years, true);
  return { year: ctx.years.targetYear, baseline: review, fromSentence: false, named: false, source: 'plan', at: null };
}

function scoped(m: YearMention, source: YearSource, review: boolean, years: PlanYears, named: boolean): YearScope {
  return { year: m.year, baseline: isBaseline(m, years) || review, fromSentence: false, named, source, at: m };
}

export function isBaseline(m: YearMention, years: PlanYears): boolean {
  if (m.kind === 'baseline') return true;
  if (m.kind === 'target') return false;
  return years.firstFutureYear !== null && m.year < years.firstFutureYear;
}

/** A year after the one the text was written in: a review may still name one ("2025年，将…"). */
function isFuture(m: YearMention, years: PlanYears): boolean {
  return years.firstFutureYear !== null && m.year >= years.firstFutureYear && m.kind !== 'baseline';
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

export function lastBefore(positions: readonly number[], at: number): number | undefined {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return positions[lo - 1];
}
