import type { PlanYears } from './detect-plan-years.js';
import type { YearMention } from './find-year-mentions.js';
import type { Sentence } from './segment-sentences.js';

/** What a sentence's figures are read against: the sentence, its years, its section and the plan's years. */
export interface SentenceContext {
  /** The normalized text (soft line breaks joined, traditional script folded). */
  text: string;
  sentence: Sentence;
  /** Year mentions of the sentence, references (比2023年) left out, relative ones (今年) included. */
  mentions: YearMention[];
  /** Year mentions of the sentence that are not baselines, in text order. */
  futureMentions: YearMention[];
  /** Year mentions of the sentence before, when in the same paragraph. */
  previous: YearMention[];
  /** Positions of strong past markers (截至, 以来, 目前, 前三季度) in the sentence, ascending. */
  pastMarkers: number[];
  /** Positions of estimate words (预计, 测算) in the sentence, ascending. */
  estimateMarkers: number[];
  /** Figures from here on are stretch goals: a 力争/努力/争取 opens the sentence or follows its year. */
  stretchFrom: number;
  years: PlanYears;
  /** The plan's names for its own park (普陀园), read from its text. */
  parkNames: readonly string[];
  /** The sentence lies in a goal section (主要目标 ...): its figures are targets without a target word. */
  inGoals: boolean;
  /** The sentence lies in a review section (发展基础, 2024年工作完成情况): its figures are results. */
  inReview: boolean;
  /** The year the heading above names ((一)2025年目标, 一、2024年计划执行情况), or null. */
  headingYear: YearMention | null;
  /** In a goal section, the 到XXXX年 that opened it ("到2027年，…。具体目标如下："), or null. */
  openerYear: YearMention | null;
  /** The year the title plans or reviews, as it applies here (the reviewed one in a review section), or null. */
  titleYear: YearMention | null;
}
