import type { PlanYears } from './detect-plan-years.js';
import type { YearMention } from './find-year-mentions.js';
import type { Sentence } from './segment-sentences.js';

/** What a sentence's figures are read against: the sentence, its years and the plan's years. */
export interface SentenceContext {
  /** The normalized text (soft line breaks joined). */
  text: string;
  sentence: Sentence;
  /** Year mentions of the sentence, references (比2023年) left out. */
  mentions: YearMention[];
  /** Year mentions of the sentence that are not baselines, in text order. */
  futureMentions: YearMention[];
  /** Year mentions of the sentence before, when in the same paragraph. */
  previous: YearMention[];
  /** Positions of strong past markers (截至, 以来, 近三年) in the sentence, ascending. */
  pastMarkers: number[];
  /** Figures from here on are stretch goals: a 力争/努力/争取 opens the sentence or follows its year. */
  stretchFrom: number;
  years: PlanYears;
  /** The plan's names for its own park (普陀园), read from its text. */
  parkNames: readonly string[];
  /** The sentence lies in a goal section (主要目标 ...): its figures are targets without a target word. */
  inGoals: boolean;
}
