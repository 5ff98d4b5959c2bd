import type { Catalogue } from '../catalogue/catalogue-schema.js';
import { confidenceOf, kindOf, reason } from './describe-proposal.js';
import { detectPlanYears, type PlanYears } from './detect-plan-years.js';
import { findParkNames } from './find-park-names.js';
import { findRelativeYears, findYearMentions, type YearMention } from './find-year-mentions.js';
import { inferUnitCode } from './infer-unit-code.js';
import { joinSoftBreaks } from './join-soft-breaks.js';
import { linkBaselines, type FigureRef, type PastFigure } from './link-baselines.js';
import { mapToCatalogue } from './map-to-catalogue.js';
import { maskNonTargets } from './mask-non-targets.js';
import { normalizeText, originalSpan, type NormalizedText } from './normalize-text.js';
import { readDocumentFrame, type DocumentFrame } from './read-document-frame.js';
import { readGoalTables, type TableTarget } from './read-goal-tables.js';
import { readSections, type SectionInfo } from './read-sections.js';
import { readSentenceContext, type SentencePlace } from './read-sentence-context.js';
import { readSentenceTargets, type SentenceTarget } from './read-sentence-targets.js';
import { GENERIC_INDICATOR, readTopic } from './read-topic.js';
import type { YearScope } from './resolve-year.js';
import { segmentSentences, type Sentence } from './segment-sentences.js';
import type { ProposalReason, TargetProposal } from './target-proposal.js';

/**
 * Target proposals of a plan text (行动方案), a notice, a work plan or a news item: every figure
 * the text aims at a year, read from goal sections, goal tables and task paragraphs alike, with
 * its indicator, value and reading, comparison, kind, year and where the year was found, the
 * reasons it is a target, a confidence, the past figure of its indicator as its baseline, a
 * verbatim quote, and the catalogue indicator it most likely maps to. Pure and total: any string
 * gives an array, never an exception.
 *
 * A figure is proposed when its sentence names a year to come (到2026年, 到“十四五”末, 2025年 in a
 * text written in 2025), or, without one, when a target word stands by it (达到, 力争, 以上, 不少于,
 * 新增, 控制在, or a count verb before digits: 建设3个) or it sits in a goal section; it then takes the
 * year of the sentence before, of its heading, of the goal section's opening, of the title, or
 * the plan's. Growth rates (年均增长10%, 能耗下降5%, 提高3个百分点, 翻两番) and ceilings (不超过, 以内)
 * are proposed with their kind. It is not proposed when it is a past result (a past year, 截至,
 * 已, 以来, 目前, 现有, a review section: these become baselines), an estimate of a year not yet over
 * (预计全年), a qualifier (产值在1亿元以上的企业, 营收超百亿元企业3家: the 3家 is the target), a grade
 * describing a subject, a quota on each official, a count of tasks (18项重点任务), policy money, or
 * sits in a masked span (titles of other documents, document numbers, dates, phones, addresses).
 * Rows of a goal table (主要指标表) are read by column: the future-year or 目标 columns hold the
 * targets, the past ones their baselines.
 */
export function extractTargets(text: string, catalogue?: Catalogue): TargetProposal[] {
  const norm = joinSoftBreaks(normalizeText(text));
  const t = norm.text;
  const masked = maskNonTargets(t);
  const frame = readDocumentFrame(t, (start, end) => {
    const from = norm.map[start];
    const to = norm.map[end - 1];
    return from !== undefined && to !== undefined && TABLE_ROW.test(text.slice(from, to + 1));
  });
  const sentences = segmentSentences(t);
  const mentions = sentences.map((s) =>
    [...findYearMentions(masked, s.start, s.end), ...findRelativeYears(masked, frame.now, s.start, s.end)]
      .filter((m) => m.kind !== 'reference')
      .sort((a, b) => a.start - b.start),
  );
  const sections = readSections(
    sentences.map((s) => t.slice(s.start, s.end)),
    sentences.map((s) => s.paragraph),
  );
  const years = withGoalHeadingYears(detectPlanYears(t, mentions.flat(), frame), sections, mentions);
  const parkNames = findParkNames(t);
  const span = (start: number, end: number) => originalSpan(norm, start, end, text);

  const tables = readGoalTables(text, years);
  const inTable = (offset: number) => tables.targets.some((r) => offset >= r.rowStart && offset < r.rowEnd);
  const past: PastFigure[] = tables.baselines.map((b) => ({
    value: b.value,
    unit: b.unit,
    unitCode: inferUnitCode(b.unit, b.indicator),
    indicator: b.indicator,
    year: b.year,
    quote: text.slice(b.offset, b.end),
    offset: b.offset,
    sentence: -1,
    paragraph: -1,
    row: b.row,
    group: null,
  }));
  const found = tables.targets.map((r) => proposalOfRow(r, text, catalogue));

  let topic: string | null = null;
  let opener: YearMention | null = null;
  sentences.forEach((sentence, i) => {
    const body = t.slice(sentence.start, sentence.end);
    topic = readTopic(body) ?? topic;
    const section = sections[i] as (typeof sections)[number];
    if (!section.goal && !section.heading) opener = null;
    const place = placeOf(section, mentions, frame, years.targetYear, opener);
    const previous = i > 0 && sentences[i - 1]?.paragraph === sentence.paragraph ? (mentions[i - 1] ?? []) : [];
    const ctx = readSentenceContext(t, sentence, mentions[i] ?? [], previous, years, place, parkNames);
    const read = readSentenceTargets(masked, ctx);
    // "到2027年，…。具体目标如下：": a year that opens a sentence of a goal section covers the list below it.
    const first = (mentions[i] ?? [])[0];
    if (first && first.kind === 'target' && first.start - sentence.start <= 6) opener = first;

    for (const b of read.baselines) {
      const { offset, quote } = span(b.quoteStart, b.quoteEnd);
      if (inTable(offset)) continue;
      past.push({
        value: b.q.value,
        unit: b.q.unit,
        unitCode: inferUnitCode(b.q.unit, b.indicator),
        indicator: b.indicator,
        year: b.year,
        quote,
        offset,
        sentence: i,
        paragraph: sentence.paragraph,
        row: null,
        group: b.group,
      });
    }
    for (const target of read.targets) {
      const { offset, quote } = span(target.quoteStart, target.quoteEnd);
      if (inTable(offset)) continue;
      found.push(proposalOf(target, { text, t, norm, sentence, index: i, offset, quote, topic, ctx, catalogue }));
    }
  });

  const baselines = linkBaselines(
    found.map(({ proposal, ref }) => ({ ...ref, kind: proposal.kind })),
    past,
  );
  return found.map(({ proposal }, i) => ({ ...proposal, baseline: baselines[i] ?? null })).sort((a, b) => a.offset - b.offset);
}

/** A target of a goal table's row: its year and reason are the column header (2025年目标). */
function proposalOfRow(r: TableTarget, text: string, catalogue: Catalogue | undefined): { proposal: TargetProposal; ref: FigureRef } {
  const unitCode = inferUnitCode(r.unit, r.indicator);
  const reasons = [reason('goal_table', r.header)];
  return {
    proposal: {
      indicator: r.indicator,
      value: r.value,
      ...(r.valueHigh === undefined ? {} : { valueHigh: r.valueHigh }),
      unit: r.unit,
      unitCode,
      written: text.slice(r.cellStart, r.cellEnd),
      writtenOffset: r.cellStart,
      reading: null,
      comparison: r.comparison,
      stretch: r.stretch,
      kind: kindOf({ unit: r.unit, unitCode, indicator: r.indicator, comparison: r.comparison, growth: r.growth }),
      year: r.year,
      yearSource: { source: 'table', words: r.header, offset: r.headerOffset },
      reasons,
      confidence: confidenceOf(reasons, { reading: false, approximate: false, indicator: r.indicator, unitKnown: unitCode !== null }),
      baseline: null,
      quote: text.slice(r.offset, r.end),
      offset: r.offset,
      ...mapToCatalogue(r.indicator, unitCode, catalogue),
    },
    ref: { value: r.value, unit: r.unit, unitCode, indicator: r.indicator, sentence: -1, paragraph: -1, row: r.row, group: null },
  };
}

/** A line of a flattened table: cells split by "|", tabs or wide gaps. */
const TABLE_ROW = /\||\t|\S[ \u3000]{2,}\S/;

interface Where {
  text: string;
  t: string;
  norm: NormalizedText;
  sentence: Sentence;
  index: number;
  offset: number;
  quote: string;
  topic: string | null;
  ctx: { inGoals: boolean; headingYear: YearMention | null };
  catalogue: Catalogue | undefined;
}

function proposalOf(target: SentenceTarget, w: Where): { proposal: TargetProposal; ref: FigureRef } {
  const { q } = target;
  const unitCode = inferUnitCode(q.unit, target.indicator);
  // "产业规模达到180亿元" under "4. 打造生物制造特色产业": the title names the industry.
  const titled = w.topic !== null && !target.parkWide && GENERIC_INDICATOR.test(target.indicator) ? w.topic : null;
  const kind = kindOf({
    unit: q.unit,
    unitCode,
    indicator: target.indicator,
    comparison: target.cmp.comparison,
    growth: q.growth === true,
    decline: target.cmp.decline,
  });
  const written = originalSpan(w.norm, q.start, q.end, w.text);
  const yearWords = target.scope.at === null ? null : originalSpan(w.norm, target.scope.at.start, target.scope.at.end, w.text);
  const reasons = reasonsOf(target, w);
  return {
    proposal: {
      indicator: target.indicator,
      ...(titled === null ? {} : { topic: titled }),
      value: q.value,
      ...(q.valueHigh === undefined ? {} : { valueHigh: q.valueHigh }),
      unit: q.unit,
      unitCode,
      written: written.quote,
      writtenOffset: written.offset,
      reading: q.reading ?? null,
      comparison: target.cmp.comparison,
      stretch: target.stretch,
      kind,
      year: target.scope.year,
      yearSource: { source: target.scope.source, words: yearWords?.quote ?? null, offset: yearWords?.offset ?? null },
      reasons,
      confidence: confidenceOf(reasons, {
        reading: q.reading !== undefined,
        approximate: q.approximate,
        indicator: target.indicator,
        unitKnown: unitCode !== null,
      }),
      baseline: null,
      quote: w.quote,
      offset: w.offset,
      ...mapToCatalogue(`${titled ?? ''}${target.indicator}`, unitCode, w.catalogue),
    },
    ref: {
      value: q.value,
      unit: q.unit,
      unitCode,
      indicator: target.indicator,
      sentence: w.index,
      paragraph: w.sentence.paragraph,
      row: null,
      group: target.group,
    },
  };
}

const TARGET_LEAD = /(?:力争到|争取到|确保到|计划到|预计到|力争在|争取在|到|至|力争|争取|确保)$/;

/** Why the figure is a target: the year first (how it was found), then the section, then the words. */
function reasonsOf(target: SentenceTarget, w: Where): ProposalReason[] {
  const out: ProposalReason[] = [];
  const scope: YearScope = target.scope;
  const at = scope.at;
  const words = at === null ? '' : `${TARGET_LEAD.exec(w.t.slice(Math.max(0, at.start - 4), at.start))?.[0] ?? ''}${w.t.slice(at.start, at.end)}`;
  if (scope.source === 'sentence') out.push(reason(at?.kind === 'target' ? 'target_year' : 'year_after_text', words));
  else if (scope.source === 'earlier') out.push(reason('earlier_year', words));
  else if (scope.source === 'heading') out.push(reason('heading_year', headingWords(w)));
  else if (scope.source === 'title') out.push(reason('title_year', lineAround(w.t, at)));
  else if (scope.year !== null) out.push(reason('plan_year', `${scope.year}年`));
  if (w.ctx.inGoals) out.push(reason('goal_section', '目标'));
  if (target.cmp.countVerb) out.push(reason('count_verb', target.cmp.word));
  else if (target.cmp.word !== '') out.push(reason('target_word', target.cmp.word));
  else if (target.listGoing) out.push(reason('list_of_targets', ''));
  if (target.stretch) out.push(reason('stretch_word', /力争|努力|争取|力求/.exec(w.t.slice(w.sentence.start, target.q.start))?.[0] ?? '力争'));
  return out;
}

function headingWords(w: Where): string {
  const m = w.ctx.headingYear;
  return m === null ? '' : lineAround(w.t, m);
}

/** The line of the normalized text around a span, trimmed to 40 characters. */
function lineAround(t: string, at: { start: number; end: number } | null): string {
  if (at === null) return '';
  const start = t.lastIndexOf('\n', at.start - 1) + 1;
  const end = t.indexOf('\n', at.end);
  return t.slice(start, end < 0 ? t.length : end).slice(0, 40);
}

/**
 * "（一）2025年目标 … （二）2027年目标" and no 到XXXX年, no period: the goal headings give the plan's
 * target year (the latest) and its first future year (the earliest).
 */
function withGoalHeadingYears(years: PlanYears, sections: readonly SectionInfo[], mentions: readonly YearMention[][]): PlanYears {
  if (years.targetYear !== null) return years;
  const headed = sections.flatMap((s, i) => (s.goalHeading ? (mentions[i] ?? []).map((m) => m.year) : []));
  if (headed.length === 0) return years;
  return { ...years, targetYear: Math.max(...headed), firstFutureYear: years.firstFutureYear ?? Math.min(...headed) };
}

/** The sentence's section, and the heading, opener and title years that apply to it. */
function placeOf(
  section: { goal: boolean; review: boolean; datedBy: number | null },
  mentions: readonly YearMention[][],
  frame: DocumentFrame,
  targetYear: number | null,
  opener: YearMention | null,
): SentencePlace {
  const headingYear = section.datedBy === null ? null : (mentions[section.datedBy]?.find((m) => m.kind !== 'reference') ?? null);
  const reviewed = frame.reviewYear !== null && frame.reviewYearAt !== null ? { year: frame.reviewYear, kind: 'bare' as const, ...frame.reviewYearAt } : null;
  // 行动方案（2025—2027年）: the title's period names the plan's target year when it ends in it.
  const period = frame.periodEnds.find((p) => p.year === targetYear);
  const planned =
    frame.planYear !== null && frame.planYearAt !== null
      ? { year: frame.planYear, kind: 'bare' as const, ...frame.planYearAt }
      : period
        ? { ...period, kind: 'target' as const }
        : null;
  const titleYear = section.review ? (reviewed ?? planned) : section.goal ? (planned ?? reviewed) : reviewed && !planned ? reviewed : planned;
  return { inGoals: section.goal, inReview: section.review, headingYear, openerYear: opener, titleYear };
}
