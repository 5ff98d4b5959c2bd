import type { Catalogue } from '../catalogue/catalogue-schema.js';
import type { CandidateTarget } from './candidate-target.js';
import { detectPlanYears, type PlanYears } from './detect-plan-years.js';
import { PAST_MARKERS, SENTENCE_PAST_PATTERN, STRETCH_WORDS, TASK_NOUN_PATTERN } from './extraction-lexicon.js';
import { findQuantities, type Quantity } from './find-quantities.js';
import { findYearMentions, type YearMention } from './find-year-mentions.js';
import { inferUnitCode } from './infer-unit-code.js';
import { mapToCatalogue } from './map-to-catalogue.js';
import { maskNonTargets } from './mask-non-targets.js';
import { joinSoftBreaks } from './join-soft-breaks.js';
import { normalizeText, originalSpan } from './normalize-text.js';
import { readComparison } from './read-comparison.js';
import { readIndicatorPhrase, type IndicatorReading } from './read-indicator-phrase.js';
import { GENERIC_INDICATOR, readTopic } from './read-topic.js';
import { segmentSentences, type Sentence } from './segment-sentences.js';

/**
 * Candidate targets of a plan text (行动方案): every figure with a unit that the text aims at a
 * target year, read from the goals section and the task paragraphs alike, with its indicator
 * phrase, comparison, year, verbatim quote and offset, and the catalogue indicator it most
 * likely maps to. Pure and total: any string gives an array, never an exception.
 *
 * A figure is proposed when its sentence names a target year (到2026年), or, in a sentence
 * without a year, when a target word stands by it (达到, 力争, 以上, 不少于, 新增 ...); it then
 * takes the plan's target year. It is not proposed when it is a baseline (a past year, 截至,
 * 已, 以来), a ceiling, a qualifier (产值在1亿元以上的企业), a count of tasks (18项重点任务), or
 * sits in a masked span (titles, document numbers, dates, phones, addresses).
 */
export function extractTargets(text: string, catalogue?: Catalogue): CandidateTarget[] {
  const norm = joinSoftBreaks(normalizeText(text));
  const t = norm.text;
  const masked = maskNonTargets(t);
  const sentences = segmentSentences(t);
  const mentions = sentences.map((s) => findYearMentions(masked, s.start, s.end).filter((m) => m.kind !== 'reference'));
  const years = detectPlanYears(t, mentions.flat());

  const out: CandidateTarget[] = [];
  let topic: string | null = null;
  sentences.forEach((sentence, i) => {
    topic = readTopic(t.slice(sentence.start, sentence.end)) ?? topic;
    const quantities = findQuantities(masked, sentence.start, sentence.end);
    const context: SentenceContext = {
      sentence,
      mentions: mentions[i] ?? [],
      previous: i > 0 && sentences[i - 1]?.paragraph === sentence.paragraph ? (mentions[i - 1] ?? []) : [],
      years,
    };
    let previousEnd = sentence.start;
    let previousIndicator = '';
    quantities.forEach((q, k) => {
      const next = quantities[k + 1];
      const reading = readIndicatorPhrase(t, clauseStart(t, sentence, previousEnd, q), q, clauseEnd(t, q, next ? next.start : sentence.end), previousIndicator);
      previousEnd = q.tailEnd;
      previousIndicator = reading.indicator;
      const candidate = readCandidate(t, q, reading, context);
      if (!candidate) return;
      const { offset, quote } = originalSpan(norm, candidate.quoteStart, candidate.quoteEnd, text);
      const unitCode = inferUnitCode(q.unit, candidate.indicator);
      const generic = topic !== null && !candidate.parkWide && GENERIC_INDICATOR.test(candidate.indicator);
      out.push({
        indicator: candidate.indicator,
        ...(generic && topic !== null ? { topic } : {}),
        value: q.value,
        ...(q.valueHigh === undefined ? {} : { valueHigh: q.valueHigh }),
        unit: q.unit,
        unitCode,
        comparison: candidate.comparison,
        stretch: candidate.stretch,
        year: candidate.year,
        quote,
        offset,
        ...mapToCatalogue(generic ? `${topic ?? ''}${candidate.indicator}` : candidate.indicator, unitCode, catalogue),
      });
    });
  });
  return out;
}

interface SentenceContext {
  sentence: Sentence;
  mentions: YearMention[];
  /** Year mentions of the sentence before, when in the same paragraph. */
  previous: YearMention[];
  years: PlanYears;
}

interface Reading {
  indicator: string;
  parkWide: boolean;
  comparison: CandidateTarget['comparison'];
  stretch: boolean;
  year: number | null;
  quoteStart: number;
  quoteEnd: number;
}

const SENTENCE_OPENING = /^[\s\-—•·]*(?:\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是])?/;
const CLAUSE_DELIMITER = /[,，;；:：。!?！？\n]|——/g;
const AFTER_DELIMITER = /[,，;；:：。!?！？\n、]/;

/** A figure's clause starts after the last delimiter or the figure before it in the sentence. */
function clauseStart(t: string, sentence: Sentence, previousEnd: number, q: Quantity): number {
  return Math.max(previousEnd, lastDelimiterEnd(t, sentence.start, q.start));
}

/** ...and ends at the next delimiter (、 included: lists of targets) or the next figure. */
function clauseEnd(t: string, q: Quantity, nextStart: number): number {
  const stop = AFTER_DELIMITER.exec(t.slice(q.tailEnd, nextStart));
  return stop ? q.tailEnd + stop.index : nextStart;
}

function readCandidate(t: string, q: Quantity, reading: IndicatorReading, ctx: SentenceContext): Reading | null {
  const right = reading.clauseEnd;
  const beforeZone = t.slice(reading.clauseStart, q.start);
  const cmp = readComparison(reading.chain, beforeZone, q);
  if (reading.indicator === '' || cmp.ceiling || reading.qualifier || reading.startingPoint) return null;
  if (t[q.tailEnd] === '的') return null; // 产值规模在5000万以上的集群企业: a qualifier
  if (TASK_NOUN_PATTERN.test(t.slice(q.tailEnd, right))) return null; // 18项重点任务
  if (PAST_MARKERS.some((w) => beforeZone.includes(w)) || tellsOfThePast(t, q, ctx)) return null;

  const scope = yearOf(q, ctx);
  if (scope.baseline) return null;
  if ((!scope.fromSentence || q.approximate) && !cmp.signal) return null;

  return {
    indicator: reading.indicator,
    parkWide: reading.parkWide,
    comparison: cmp.comparison,
    stretch: cmp.stretch || stretchHeadsEnumeration(t, q, ctx),
    year: scope.year,
    quoteStart: reading.quoteStart,
    quoteEnd: reading.quoteEnd,
  };
}

/** A strong past marker earlier in the sentence, with no target year after it, makes the figure a baseline. */
function tellsOfThePast(t: string, q: Quantity, ctx: SentenceContext): boolean {
  let lastMarker = -1;
  for (const m of t.slice(ctx.sentence.start, q.start).matchAll(SENTENCE_PAST_PATTERN)) {
    lastMarker = ctx.sentence.start + (m.index ?? 0);
  }
  if (lastMarker < 0) return false;
  return !ctx.mentions.some((m) => m.start > lastMarker && m.end <= q.start && !isBaseline(m, ctx.years));
}

function lastDelimiterEnd(t: string, from: number, to: number): number {
  let end = from;
  for (const m of t.slice(from, to).matchAll(CLAUSE_DELIMITER)) end = from + (m.index ?? 0) + m[0].length;
  return end;
}

/**
 * The year a figure aims at. A clause inherits the year its sentence names before it (or, if
 * none, after it); a sentence without a year inherits the one before it in the same paragraph;
 * else the plan's target year. A bare year before the plan's first future year is a baseline.
 */
function yearOf(q: Quantity, ctx: SentenceContext): { year: number | null; baseline: boolean; fromSentence: boolean } {
  const before = ctx.mentions.filter((m) => m.end <= q.start);
  const own = before[before.length - 1] ?? ctx.mentions.find((m) => m.start >= q.tailEnd);
  if (own) return { year: own.year, baseline: isBaseline(own, ctx.years), fromSentence: true };
  const inherited = ctx.previous[ctx.previous.length - 1];
  if (inherited) return { year: inherited.year, baseline: isBaseline(inherited, ctx.years), fromSentence: false };
  return { year: ctx.years.targetYear, baseline: false, fromSentence: false };
}

function isBaseline(m: YearMention, years: PlanYears): boolean {
  if (m.kind === 'baseline') return true;
  if (m.kind === 'target') return false;
  return years.firstFutureYear !== null && m.year < years.firstFutureYear;
}

/**
 * "到2026年，争取A超过60%，B达到6%" and "力争引进A 50家以上，B达到105亿元": a stretch word that opens
 * the sentence, or follows its year, heads the whole list; one inside a clause (A力争达到...)
 * governs that clause only.
 */
function stretchHeadsEnumeration(t: string, q: Quantity, ctx: SentenceContext): boolean {
  const opening = t.slice(ctx.sentence.start, q.start).replace(SENTENCE_OPENING, '');
  if (STRETCH_WORDS.some((w) => opening.startsWith(w))) return true;
  return ctx.mentions.some((m) => {
    if (m.kind === 'baseline' || m.end > q.start) return false;
    const after = t.slice(m.end, q.start).replace(/^[,，:：]/, '');
    return STRETCH_WORDS.some((w) => after.startsWith(w));
  });
}
