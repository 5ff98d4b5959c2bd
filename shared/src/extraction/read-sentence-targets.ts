import type { Comparison } from '../catalogue/catalogue-schema.js';
import { describesNext } from './describes-next.js';
import {
  DESCRIPTIVE_INDICATOR, PAST_MARKERS, PER_PERSON_QUOTA, PREVIOUS_YEAR_REFERENCE, SUBSIDY_AFTER, SUBSIDY_BEFORE,
  TASK_NOUN_PATTERN,
} from './extraction-lexicon.js';
import { findQuantities, type Quantity } from './find-quantities.js';
import type { YearMention } from './find-year-mentions.js';
import { readComparison } from './read-comparison.js';
import { readIndicatorPhrase, subjectOf, type IndicatorReading } from './read-indicator-phrase.js';
import { readRespective } from './read-respective.js';
import { isBaseline, resolveYear } from './resolve-year.js';
import type { SentenceContext } from './sentence-context.js';

/** A target read from a sentence, in normalized-text positions. */
export interface SentenceTarget {
  q: Quantity;
  indicator: string;
  parkWide: boolean;
  comparison: Comparison;
  stretch: boolean;
  year: number | null;
  quoteStart: number;
  quoteEnd: number;
}

const CLAUSE_DELIMITER = /[,，;；:：。!?！？\n]|——/g;
const AFTER_DELIMITER = /[,，;；:：。!?！？\n、]/;
/** Verbs that make a grade (千亿级) their object, so the grade is aimed at: 打造千亿级产业集群. */
const GRADE_VERBS = /打造|培育|形成|建成|建设|发展|壮大|做强|做大|成为|迈向|跻身|达到|实现/;
/** How far back the clause before a subjectless one is looked for (a subject is at most 30 characters). */
const SUBJECT_WINDOW = 80;

/**
 * The targets of one sentence, figure by figure. A figure's clause starts after the last
 * delimiter or the figure before it, so "A达到500家、B达到55件" gives two; an indicator left out
 * ("营收达到800亿元，到2026年达到1200亿元") is the one before; a figure continuing a list of
 * targets needs no target word of its own ("建成孵化器10家、众创空间15家"); a clause without a subject
 * ("营业收入较2020年翻一番，达到2000亿元") takes the one the clause before it opens with; and
 * "A、B分别达到X、Y" gives A to X and B to Y, "2025年、2026年分别达到X、Y" X to 2025 and Y to 2026.
 */
export function readSentenceTargets(masked: string, ctx: SentenceContext): SentenceTarget[] {
  const t = ctx.text;
  const quantities = findQuantities(masked, ctx.sentence.start, ctx.sentence.end);
  const out: SentenceTarget[] = [];
  let previousEnd = ctx.sentence.start;
  let previousIndicator = '';
  let listGoing = false;
  let respective: string[] = [];
  let respectiveYears: YearMention[] = [];
  quantities.forEach((q, k) => {
    const next = quantities[k + 1];
    // 培育百亿级企业2家, 培育营收超百亿元设计企业3家: the figure describes what the next one counts.
    if (next && describesNext(t, q, next)) return;
    const left = lastDelimiterEnd(t, previousEnd, q.start);
    // "高新技术企业数量：1500家": a label before a colon names the figure after it.
    const label = t[left - 1] === ':' && left > previousEnd ? labelBefore(t, previousEnd, left - 1) : null;
    const elided = label?.text ?? (previousIndicator || subjectBefore(t, Math.max(ctx.sentence.start, left - SUBJECT_WINDOW), left, ctx.parkNames));
    const reading = readIndicatorPhrase(t, left, q, clauseEnd(t, q, next ? next.start : ctx.sentence.end), elided, ctx.parkNames);
    if (label && reading.indicator === label.text) reading.quoteStart = label.start;
    if (reading.indicator.endsWith('分别')) {
      const r = readRespective(t, reading.indicator, quantities, k, ctx.mentions);
      reading.indicator = r.indicator;
      respective = r.parts;
      respectiveYears = r.years;
    }
    if (respective.length > 0) reading.indicator = respective.shift() as string;
    const year = respectiveYears.shift();
    previousEnd = Math.max(q.tailEnd, reading.quoteEnd);
    previousIndicator = reading.indicator;
    const target = readTarget(t, q, reading, ctx, listGoing);
    listGoing = target !== null;
    // "2023年、2026年分别为800家、1000家": the figure of a past year is a baseline.
    if (target && year && isBaseline(year, ctx.years)) return;
    if (target) out.push(year ? { ...target, year: year.year } : target);
  });
  return out;
}

function readTarget(t: string, q: Quantity, reading: IndicatorReading, ctx: SentenceContext, listGoing: boolean): SentenceTarget | null {
  const beforeZone = t.slice(reading.clauseStart, q.start);
  const cmp = readComparison(reading.chain, beforeZone, q);
  if (reading.indicator === '' || cmp.ceiling || reading.qualifier || reading.startingPoint) return null;
  if (t[q.tailEnd] === '的') return null; // 产值规模在5000万以上的集群企业: a qualifier
  // 超千亿元级数据智能产业集群能级显著提升: a grade that describes the subject is not aimed at.
  if (q.grade && /^[\u4e00-\u9fff“"]/.test(t.slice(q.tailEnd)) && !GRADE_VERBS.test(beforeZone)) return null;
  if (PER_PERSON_QUOTA.test(reading.indicator)) return null; // 每位区领导联系企业不少于5家: a working rule
  if (TASK_NOUN_PATTERN.test(t.slice(q.tailEnd, reading.clauseEnd))) return null; // 18项重点任务
  const scope = resolveYear(q, ctx);
  const pastZone = scope.named ? beforeZone.replace(PREVIOUS_YEAR_REFERENCE, '') : beforeZone;
  if (PAST_MARKERS.some((w) => pastZone.includes(w))) return null;
  if (SUBSIDY_BEFORE.test(beforeZone) || SUBSIDY_AFTER.test(t.slice(q.tailEnd, reading.clauseEnd))) return null;
  if (scope.baseline) return null;
  const signal = cmp.signal || (listGoing && !q.approximate);
  const goalSays = ctx.inGoals && !DESCRIPTIVE_INDICATOR.test(reading.indicator);
  if ((!(scope.fromSentence || goalSays) || q.approximate) && !signal) return null;
  return {
    q,
    indicator: reading.indicator,
    parkWide: reading.parkWide,
    comparison: cmp.comparison,
    stretch: cmp.stretch || q.start >= ctx.stretchFrom,
    year: scope.year,
    quoteStart: reading.quoteStart,
    quoteEnd: reading.quoteEnd,
  };
}

/** ...and ends at the next delimiter (、 included: lists of targets) or the next figure. */
function clauseEnd(t: string, q: Quantity, nextStart: number): number {
  const stop = AFTER_DELIMITER.exec(t.slice(q.tailEnd, nextStart));
  return stop ? q.tailEnd + stop.index : nextStart;
}

const LABEL_MARKER = /^[\s\-—•·]*(?:\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)?/;

function labelBefore(t: string, from: number, colon: number): { text: string; start: number } | null {
  const start = lastDelimiterEnd(t, from, colon);
  const raw = t.slice(start, colon);
  const marker = LABEL_MARKER.exec(raw)?.[0] ?? '';
  const text = raw.slice(marker.length);
  return text.length >= 2 && text.length <= 30 ? { text, start: start + marker.length } : null;
}

/** The subject of the clause that ends at `left` (its delimiter included), looked for in [from, left). */
function subjectBefore(t: string, from: number, left: number, parkNames: readonly string[]): string {
  if (left - 1 <= from) return '';
  return subjectOf(t.slice(lastDelimiterEnd(t, from, left - 1), left), parkNames);
}

function lastDelimiterEnd(t: string, from: number, to: number): number {
  let end = from;
  for (const m of t.slice(from, to).matchAll(CLAUSE_DELIMITER)) end = from + (m.index ?? 0) + m[0].length;
  return end;
}
