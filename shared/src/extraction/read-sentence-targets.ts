import { describesNext } from './describes-next.js';
import {
  DESCRIPTIVE_INDICATOR,
  PAST_MARKERS,
  PER_PERSON_QUOTA,
  PREVIOUS_YEAR_REFERENCE,
  SUBSIDY_AFTER,
  SUBSIDY_BEFORE,
  TASK_NOUN_PATTERN,
} from './extraction-lexicon.js';
import { findQuantities, type Quantity } from './find-quantities.js';
import type { YearMention } from './find-year-mentions.js';
import { readComparison, type ComparisonReading } from './read-comparison.js';
import { readIndicatorPhrase, subjectOf, type IndicatorReading } from './read-indicator-phrase.js';
import { readRespective } from './read-respective.js';
import { isBaseline, lastBefore, resolveYear, type YearScope } from './resolve-year.js';
import type { SentenceContext } from './sentence-context.js';

/** A list the figure belongs to ("A、B分别达到X、Y"): figures of lists of the same size and indicator pair up. */
export interface FigureGroup {
  id: number;
  index: number;
  size: number;
  indicator: string;
}

/** A figure of a sentence read as a target, in normalized-text positions. */
export interface SentenceTarget {
  q: Quantity;
  indicator: string;
  parkWide: boolean;
  cmp: ComparisonReading;
  stretch: boolean;
  scope: YearScope;
  /** The clause has no target word of its own but continues a list of targets. */
  listGoing: boolean;
  quoteStart: number;
  quoteEnd: number;
  group: FigureGroup | null;
}

/** A figure of a sentence read as a past result (基期值): a baseline a target may be offered. */
export interface SentenceBaseline {
  q: Quantity;
  indicator: string;
  year: number | null;
  quoteStart: number;
  quoteEnd: number;
  group: FigureGroup | null;
}

const CLAUSE_DELIMITER = /[,，;；:：。!?！？\n]|——/g;
const AFTER_DELIMITER = /[,，;；:：。!?！？\n、]/;
/** Verbs that make a grade (千亿级) their object, so the grade is aimed at: 打造千亿级产业集群. */
const GRADE_VERBS = /打造|培育|形成|建成|建设|发展|壮大|做强|做大|成为|迈向|迈上|跻身|达到|实现|突破/;
/** How far back the clause before a subjectless one is looked for (a subject is at most 30 characters). */
const SUBJECT_WINDOW = 80;
/** 新建A、B、C各10家: one figure for each thing of the list. */
const EACH = '各';
const LIST_PARTS = /、|以及|和|与|及(?!以上)/;

/**
 * The targets and the past figures of one sentence, figure by figure. A figure's clause starts
 * after the last delimiter or the figure before it, so "A达到500家、B达到55件" gives two; an
 * indicator left out ("营收达到800亿元，到2026年达到1200亿元") is the one before; a figure continuing
 * a list of targets needs no target word of its own ("建成孵化器10家、众创空间15家"); a clause without
 * a subject ("营业收入较2020年翻一番，达到2000亿元") takes the one the clause before it opens with;
 * "A、B分别达到X、Y" gives A to X and B to Y, "2025年、2026年分别达到X、Y" X to 2025 and Y to 2026; and
 * "A、B、C各10家" gives one target to each of A, B and C.
 */
export function readSentenceTargets(masked: string, ctx: SentenceContext): { targets: SentenceTarget[]; baselines: SentenceBaseline[] } {
  const t = ctx.text;
  const quantities = findQuantities(masked, ctx.sentence.start, ctx.sentence.end);
  const targets: SentenceTarget[] = [];
  const baselines: SentenceBaseline[] = [];
  let previousEnd = ctx.sentence.start;
  let previousIndicator = '';
  let listGoing = false;
  let respective: string[] = [];
  let respectiveYears: YearMention[] = [];
  let group: { id: number; size: number; indicator: string; next: number; comparison: SentenceTarget['cmp']['comparison'] | null } | null = null;
  const thresholds = findThresholds(t, quantities);
  quantities.forEach((q, k) => {
    const next = quantities[k + 1];
    // 培育百亿级企业2家, 培育营收超百亿元设计企业3家: the figure describes what the next one counts.
    if (next && describesNext(t, q, next)) return;
    // 产值过10亿元企业突破10家, 年营收首次突破1亿元、5亿元的企业: a sum that names a class of firms or projects.
    if (thresholds.has(k)) return;
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
      group = r.count >= 2 ? { id: q.start, size: r.count, indicator: r.indicator, next: 0, comparison: null } : null;
    }
    const member: FigureGroup | null =
      group && group.next < group.size ? { id: group.id, index: group.next++, size: group.size, indicator: group.indicator } : null;
    if (respective.length > 0) reading.indicator = respective.shift() as string;
    const year = respectiveYears.shift();
    previousEnd = Math.max(q.tailEnd, reading.quoteEnd);
    previousIndicator = reading.indicator;
    const read = readFigure(t, q, reading, ctx, listGoing);
    listGoing = read?.target !== undefined;
    if (read?.past) {
      baselines.push({ q, indicator: reading.indicator, year: read.past.year, quoteStart: reading.quoteStart, quoteEnd: reading.quoteEnd, group: member });
      return;
    }
    if (!read?.target) return;
    // "2023年、2026年分别为800家、1000家": the figure of a past year is a baseline.
    if (year && isBaseline(year, ctx.years)) {
      baselines.push({ q, indicator: reading.indicator, year: year.year, quoteStart: reading.quoteStart, quoteEnd: reading.quoteEnd, group: member });
      return;
    }
    const target = { ...read.target, group: member };
    // 分别超过90家和870家: the verb before the first figure of the list governs them all.
    if (member && group) {
      if (member.index === 0) group.comparison = target.cmp.comparison;
      else if (group.comparison !== null && target.cmp.word === '') target.cmp = { ...target.cmp, comparison: group.comparison };
    }
    if (year) target.scope = { ...target.scope, year: year.year, source: 'sentence', fromSentence: true, named: true, at: year };
    // 新建A、B、C各10家: each thing of the list gets the figure.
    const each = target.indicator.endsWith(EACH)
      ? target.indicator
          .slice(0, -EACH.length)
          .split(LIST_PARTS)
          .filter((p) => p !== '')
      : [];
    if (each.length >= 2) for (const part of each) targets.push({ ...target, indicator: part });
    else targets.push(each.length === 1 ? { ...target, indicator: each[0] as string } : target);
  });
  return { targets, baselines };
}

interface FigureReading {
  target?: Omit<SentenceTarget, 'group'>;
  past?: { year: number | null };
}

function readFigure(t: string, q: Quantity, reading: IndicatorReading, ctx: SentenceContext, listGoing: boolean): FigureReading | null {
  const beforeZone = t.slice(reading.clauseStart, q.start);
  const cmp = readComparison(reading.chain, beforeZone, q);
  if (reading.indicator === '' || reading.qualifier) return null;
  if (t[q.tailEnd] === '的') return null; // 产值规模在5000万以上的集群企业: a qualifier
  // 超千亿元级数据智能产业集群能级显著提升: a grade that describes the subject is not aimed at.
  if (q.grade && /^[\u4e00-\u9fff“"]/.test(t.slice(q.tailEnd)) && !GRADE_VERBS.test(beforeZone)) return null;
  if (PER_PERSON_QUOTA.test(reading.indicator)) return null; // 每位区领导联系企业不少于5家: a working rule
  if (TASK_NOUN_PATTERN.test(t.slice(q.tailEnd, reading.clauseEnd))) return null; // 18项重点任务
  const scope = resolveYear(q, ctx);
  // 占比由30%提高到40%: the figure it starts from is where the indicator stands, a baseline of the target.
  if (reading.startingPoint) return { past: { year: scope.baseline ? pastYearOf(scope) : null } };
  const pastZone = scope.named ? beforeZone.replace(PREVIOUS_YEAR_REFERENCE, '') : beforeZone;
  if (PAST_MARKERS.some((w) => pastZone.includes(w)) || scope.baseline) return { past: { year: pastYearOf(scope) } };
  // 集聚持牌金融机构近千家: "nearly" describes what is; a plan never aims at nearly a figure.
  if (/近$/.test(beforeZone)) return { past: { year: null } };
  if (SUBSIDY_BEFORE.test(beforeZone) || SUBSIDY_AFTER.test(t.slice(q.tailEnd, reading.clauseEnd))) return null;
  if (isEstimate(q, scope, ctx)) return null;
  const signal = cmp.signal || (listGoing && !q.approximate);
  const goalSays = ctx.inGoals && !DESCRIPTIVE_INDICATOR.test(reading.indicator);
  if ((!(scope.fromSentence || goalSays) || q.approximate) && !signal) return null;
  return {
    target: {
      q,
      indicator: reading.indicator,
      parkWide: reading.parkWide,
      cmp,
      stretch: cmp.stretch || q.start >= ctx.stretchFrom,
      scope,
      listGoing: !cmp.signal && listGoing,
      quoteStart: reading.quoteStart,
      quoteEnd: reading.quoteEnd,
    },
  };
}

/** The year a past figure was reached: its own year when it is a past one; null for 目前 / 现有 / a review without a year. */
function pastYearOf(scope: YearScope): number | null {
  return scope.year !== null && scope.source !== 'plan' ? scope.year : null;
}

/**
 * 预计全年增长6%, 今年一季度预计增长7.5%: an estimate of a year not yet over. 预计到2027年超过100万平方米 in a
 * goals list aims at a year to come and is a target: the year against the text's date decides, not the word.
 */
function isEstimate(q: Quantity, scope: YearScope, ctx: SentenceContext): boolean {
  const marker = lastBefore(ctx.estimateMarkers, q.start);
  if (marker === undefined) return false;
  const now = ctx.years.issueYear;
  if (now !== null) return scope.year === null || scope.year <= now;
  // Undated text: 预计到2027年 aims; 预计全年, 预计增长 of no year named do not.
  const aimed = ctx.futureMentions.some((m) => m.kind === 'target' && m.start >= marker && m.start < q.start);
  const lastPast = ctx.years.firstFutureYear === null ? null : ctx.years.firstFutureYear - 1;
  return !aimed && (scope.year === null || lastPast === null || scope.year <= lastPast);
}

/** A sum followed by what it sizes (企业, 项目, 的…) is part of a name; so are the sums listed before it with 、. */
const SIZED_NOUN = /^(?:以上|以下)?(?:的|企业|项目|公司|集团|楼宇|园区)/;
const MONEY = /元$/;

function findThresholds(t: string, quantities: readonly Quantity[]): Set<number> {
  const out = new Set<number>();
  for (let k = quantities.length - 1; k >= 0; k--) {
    const q = quantities[k] as Quantity;
    if (!MONEY.test(q.unit)) continue;
    const next = quantities[k + 1];
    const listed = next !== undefined && out.has(k + 1) && /^[、和及与]$/.test(t.slice(q.tailEnd, next.start));
    if (listed || SIZED_NOUN.test(t.slice(q.tailEnd, q.tailEnd + 4))) out.add(k);
  }
  return out;
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
