import type { PlanYears } from './detect-plan-years.js';
import { ESTIMATE_PATTERN, SENTENCE_PAST_PATTERN, STRETCH_WORDS } from './extraction-lexicon.js';
import type { YearMention } from './find-year-mentions.js';
import { isBaseline } from './resolve-year.js';
import type { Sentence } from './segment-sentences.js';
import type { SentenceContext } from './sentence-context.js';

const SENTENCE_OPENING = /^[\s\-—•·]*(?:\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是])?/;

/** Where a sentence stands in its text: its section, the heading, opener and title years above it. */
export interface SentencePlace {
  inGoals: boolean;
  inReview: boolean;
  headingYear: YearMention | null;
  openerYear: YearMention | null;
  titleYear: YearMention | null;
}

/**
 * What the figures of a sentence are read against, computed once per sentence so that reading
 * each figure costs no scan of the sentence.
 *
 * Stretch: "到2026年，争取A超过60%，B达到6%" and "力争引进A 50家以上，B达到105亿元" — a stretch word
 * that opens the sentence, or follows its year, heads the whole list; one inside a clause
 * (A力争达到...) governs that clause only and is read with the clause.
 */
export function readSentenceContext(
  text: string,
  sentence: Sentence,
  mentions: YearMention[],
  previous: YearMention[],
  years: PlanYears,
  place: SentencePlace,
  parkNames: readonly string[],
): SentenceContext {
  const body = text.slice(sentence.start, sentence.end);
  const positions = (pattern: RegExp) => [...body.matchAll(pattern)].map((m) => sentence.start + (m.index ?? 0));
  const opening = SENTENCE_OPENING.exec(body)?.[0].length ?? 0;
  let stretchFrom = STRETCH_WORDS.some((w) => body.startsWith(w, opening)) ? sentence.start : Number.POSITIVE_INFINITY;
  for (const m of mentions) {
    if (m.kind === 'baseline' || m.end >= stretchFrom) continue;
    const after = text.slice(m.end, m.end + 4).replace(/^[,，:：]/, '');
    if (STRETCH_WORDS.some((w) => after.startsWith(w))) stretchFrom = m.end;
  }
  return {
    text,
    sentence,
    mentions,
    futureMentions: mentions.filter((m) => !isBaseline(m, years)),
    previous,
    pastMarkers: positions(SENTENCE_PAST_PATTERN),
    estimateMarkers: positions(ESTIMATE_PATTERN),
    stretchFrom,
    years,
    parkNames,
    ...place,
  };
}
