import type { Catalogue } from '../catalogue/catalogue-schema.js';
import type { CandidateTarget } from './candidate-target.js';
import { detectPlanYears } from './detect-plan-years.js';
import { findGoalSections } from './find-goal-sections.js';
import { findParkNames } from './find-park-names.js';
import { findYearMentions } from './find-year-mentions.js';
import { inferUnitCode } from './infer-unit-code.js';
import { joinSoftBreaks } from './join-soft-breaks.js';
import { mapToCatalogue } from './map-to-catalogue.js';
import { maskNonTargets } from './mask-non-targets.js';
import { normalizeText, originalSpan } from './normalize-text.js';
import { readGoalTables } from './read-goal-tables.js';
import { readSentenceContext } from './read-sentence-context.js';
import { readSentenceTargets } from './read-sentence-targets.js';
import { GENERIC_INDICATOR, readTopic } from './read-topic.js';
import { segmentSentences } from './segment-sentences.js';

/**
 * Candidate targets of a plan text (行动方案): every figure with a unit that the text aims at a
 * target year, read from the goals section and the task paragraphs alike, with its indicator
 * phrase, comparison, year, verbatim quote and offset, and the catalogue indicator it most
 * likely maps to. Pure and total: any string gives an array, never an exception.
 *
 * A figure is proposed when its sentence names a target year (到2026年, 到“十四五”末), or, in a
 * sentence without a year, when a target word stands by it (达到, 力争, 以上, 不少于, 新增, or a
 * count verb before digits: 建设3个); it then takes the plan's target year. Growth rates (年均增长
 * 10%, 提高3个百分点) are proposed like levels, with 增长/提高 in the indicator. It is not proposed
 * when it is a baseline (a past year, 截至, 已, 以来), a ceiling, a qualifier (产值在1亿元以上的企业,
 * 营收超百亿元企业3家: the 3家 is the target), a grade describing a subject, a quota on each official,
 * a count of tasks (18项重点任务), policy money, or sits in a masked span (titles, document numbers,
 * dates, phones, addresses). Rows of a goal table (主要指标表) are read by column: the future-year
 * or 目标 columns hold the targets.
 */
export function extractTargets(text: string, catalogue?: Catalogue): CandidateTarget[] {
  const norm = joinSoftBreaks(normalizeText(text));
  const t = norm.text;
  const masked = maskNonTargets(t);
  const sentences = segmentSentences(t);
  const mentions = sentences.map((s) => findYearMentions(masked, s.start, s.end).filter((m) => m.kind !== 'reference'));
  const years = detectPlanYears(t, mentions.flat());
  const inGoals = findGoalSections(sentences.map((s) => t.slice(s.start, s.end)));
  const parkNames = findParkNames(t);

  const tables = readGoalTables(text, years);
  const inTable = (offset: number) => tables.some((r) => offset >= r.rowStart && offset < r.rowEnd);
  const out: CandidateTarget[] = tables.map((r) => {
    const unitCode = inferUnitCode(r.unit, r.indicator);
    return {
      indicator: r.indicator,
      value: r.value,
      ...(r.valueHigh === undefined ? {} : { valueHigh: r.valueHigh }),
      unit: r.unit,
      unitCode,
      comparison: r.comparison,
      stretch: r.stretch,
      year: r.year,
      quote: text.slice(r.offset, r.end),
      offset: r.offset,
      ...mapToCatalogue(r.indicator, unitCode, catalogue),
    };
  });
  let topic: string | null = null;
  sentences.forEach((sentence, i) => {
    topic = readTopic(t.slice(sentence.start, sentence.end)) ?? topic;
    const previous = i > 0 && sentences[i - 1]?.paragraph === sentence.paragraph ? (mentions[i - 1] ?? []) : [];
    for (const target of readSentenceTargets(masked, readSentenceContext(t, sentence, mentions[i] ?? [], previous, years, inGoals[i] ?? false, parkNames))) {
      const { q } = target;
      const { offset, quote } = originalSpan(norm, target.quoteStart, target.quoteEnd, text);
      if (inTable(offset)) continue;
      const unitCode = inferUnitCode(q.unit, target.indicator);
      // "产业规模达到180亿元" under "4. 打造生物制造特色产业": the title names the industry.
      const titled = topic !== null && !target.parkWide && GENERIC_INDICATOR.test(target.indicator) ? topic : null;
      out.push({
        indicator: target.indicator,
        ...(titled === null ? {} : { topic: titled }),
        value: q.value,
        ...(q.valueHigh === undefined ? {} : { valueHigh: q.valueHigh }),
        unit: q.unit,
        unitCode,
        comparison: target.comparison,
        stretch: target.stretch,
        year: target.year,
        quote,
        offset,
        ...mapToCatalogue(`${titled ?? ''}${target.indicator}`, unitCode, catalogue),
      });
    }
  });
  return out.sort((a, b) => a.offset - b.offset);
}
