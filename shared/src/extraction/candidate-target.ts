import type { Comparison } from '../catalogue/catalogue-schema.js';

/**
 * A figure the extractor proposes as a plan target (规划目标). It is a proposal for the
 * consolidator to confirm, never a catalogue record: the catalogue is written by a person.
 */
export interface CandidateTarget {
  /** The indicator phrase as the plan words it, cleaned of 园区/企业 prefixes and verbs (达到, 力争). */
  indicator: string;
  /**
   * The task title the figure sits under, given when the indicator names no subject of its own
   * ("产业规模" under "4. 打造生物制造特色产业" → 生物制造特色产业); it is used for the mapping too.
   */
  topic?: string;
  /** The figure as written, in `unit` (3.4 for 3.4万人; 1 for 1-2家). */
  value: number;
  /** Upper end of a range (1-2家 → 2). */
  valueHigh?: number;
  /** Unit as written: 亿元, 亿, 万人, 万, 家, %, 万元/人 ... */
  unit: string;
  /** The UNITS code the written unit means (亿 → 亿元; 万 → 万人 or 万元 by the indicator), or null. */
  unitCode: string | null;
  /** gte: 达到/实现/以上/不少于; gt: 超过/突破; range: 1-2家. */
  comparison: Comparison;
  /** 力争 / 努力 / 争取: a stretch goal, still evaluated as ≥. */
  stretch: boolean;
  /** Target year (到2026年); the plan's target year when the sentence names none; null if unknown. */
  year: number | null;
  /** Verbatim substring of the input: text.slice(offset, offset + quote.length) === quote. */
  quote: string;
  /** Character offset (UTF-16 code units) of the quote in the input. */
  offset: number;
  /** Catalogue indicator code most likely meant, or null when none scores high enough. */
  mappedIndicator: string | null;
  /** Similarity in 0-1 of the best catalogue indicator (0 without a catalogue). */
  mappingScore: number;
}
