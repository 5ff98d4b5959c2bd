import type { Comparison } from '../catalogue/catalogue-schema.js';
import {
  COUNT_UNIT_PATTERN, CUMULATIVE_WORDS, GT_WORDS, GTE_WORDS, PAST_MARKERS, PER_PERSON_QUOTA, STRETCH_WORDS, SUBSIDY_AFTER,
  SUBSIDY_BEFORE, TASK_NOUN_PATTERN,
} from './extraction-lexicon.js';
import { findQuantities, type Quantity } from './find-quantities.js';
import { readComparison } from './read-comparison.js';
import { readIndicatorPhrase, type IndicatorReading } from './read-indicator-phrase.js';
import { resolveYear } from './resolve-year.js';
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
const LIST_DELIMITER = /[,，;；:：。、]/;
/** Verbs that start a new target: a figure before them does not qualify the figure after them. */
const VERBS = [...GT_WORDS, ...GTE_WORDS, ...STRETCH_WORDS, ...CUMULATIVE_WORDS].filter((w) => w.length > 1);
/** Verbs that make a grade (千亿级) their object, so the grade is aimed at: 打造千亿级产业集群. */
const GRADE_VERBS = /打造|培育|形成|建成|建设|发展|壮大|做强|做大|成为|迈向|跻身|达到|实现/;
const MAX_QUALIFIED_NOUN = 12;

/**
 * The targets of one sentence, figure by figure. A figure's clause starts after the last
 * delimiter or the figure before it, so "A达到500家、B达到55件" gives two; an indicator left out
 * ("营收达到800亿元，到2026年达到1200亿元") is the one before; a figure continuing a list of
 * targets needs no target word of its own ("建成孵化器10家、众创空间15家").
 */
export function readSentenceTargets(masked: string, ctx: SentenceContext): SentenceTarget[] {
  const t = ctx.text;
  const quantities = findQuantities(masked, ctx.sentence.start, ctx.sentence.end);
  const out: SentenceTarget[] = [];
  let previousEnd = ctx.sentence.start;
  let previousIndicator = '';
  let listGoing = false;
  quantities.forEach((q, k) => {
    const next = quantities[k + 1];
    // 培育百亿级企业2家, 培育营收超百亿元设计企业3家: the figure describes what the next one counts.
    if (next && describesNext(t, q, next)) return;
    const left = lastDelimiterEnd(t, previousEnd, q.start);
    // "高新技术企业数量：1500家": a label before a colon names the figure after it.
    const label = t[left - 1] === ':' && left > previousEnd ? labelBefore(t, previousEnd, left - 1) : null;
    const reading = readIndicatorPhrase(t, left, q, clauseEnd(t, q, next ? next.start : ctx.sentence.end), label?.text ?? previousIndicator, ctx.parkNames);
    if (label && reading.indicator === label.text) reading.quoteStart = label.start;
    previousEnd = q.tailEnd;
    previousIndicator = reading.indicator;
    const target = readTarget(t, q, reading, ctx, listGoing);
    listGoing = target !== null;
    if (target) out.push(target);
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
  if (PAST_MARKERS.some((w) => beforeZone.includes(w))) return null;
  if (SUBSIDY_BEFORE.test(beforeZone) || SUBSIDY_AFTER.test(t.slice(q.tailEnd, reading.clauseEnd))) return null;
  const scope = resolveYear(q, ctx);
  if (scope.baseline) return null;
  const signal = cmp.signal || (listGoing && !q.approximate);
  if ((!(scope.fromSentence || ctx.inGoals) || q.approximate) && !signal) return null;
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

/**
 * A grade (百亿级企业2家) or a sum (营收超百亿元设计企业3家, 产值超10亿元企业10家) followed, within its clause and
 * without a verb, by a count of things: it says which things are counted, it is no target of its own.
 */
function describesNext(t: string, q: Quantity, next: Quantity): boolean {
  const between = t.slice(q.tailEnd, next.start);
  if (LIST_DELIMITER.test(between)) return false;
  if (q.grade) return true;
  return between.length > 0 && between.length <= MAX_QUALIFIED_NOUN && !COUNT_UNIT_PATTERN.test(q.unit) &&
    COUNT_UNIT_PATTERN.test(next.unit) && !VERBS.some((w) => between.includes(w));
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

function lastDelimiterEnd(t: string, from: number, to: number): number {
  let end = from;
  for (const m of t.slice(from, to).matchAll(CLAUSE_DELIMITER)) end = from + (m.index ?? 0) + m[0].length;
  return end;
}
