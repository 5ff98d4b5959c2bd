import type { Comparison, Localized, MeasureKind, Restatement } from '../catalogue/catalogue-schema.js';
import type { ReturnSource } from '../consolidation/park-returns.js';
import type { Completion } from './comparisons.js';
import type { GrowthNeeded } from './growth-needed.js';
import type { MeasureReading } from './measures.js';
import type { Expected, Increment } from './progress.js';
import type { EvaluationStatus } from './status.js';

/** A target in its indicator's canonical unit, with the factor used (3.4万人 → 34000人, factor 10000). */
export interface CanonicalTarget {
  value: number;
  valueHigh: number | null;
  /** canonical = as written × factor */
  factor: number;
  unit: string;
}

/** Facts about a target worth a line in the workbook, each with a message (evaluation-messages.ts). */
export const EVALUATION_NOTES = ['stretch_goal', 'draft_plan', 'below_range_high', 'typed_ratio', 'no_baseline', 'declared_none'] as const;
export type EvaluationNote = (typeof EVALUATION_NOTES)[number];

export type EvaluationPart = 'baseline' | 'actual' | 'expected' | 'increment' | 'completion' | 'growthNeeded';

/** Every part of one target's evaluation, so a workbook can explain each number. */
export interface TargetEvaluation {
  targetId: string;
  park: string;
  indicator: string;
  year: number;
  measure: MeasureKind;
  comparison: Comparison;
  /** 力争 / 努力: a stretch goal, evaluated as ≥. */
  stretch: boolean;
  /** The park's plan is a draft for comments (征求意见稿): its targets may change. */
  draftPlan: boolean;
  /** The plan's own words. */
  quote: string;
  /** Later passages of the plan that restate this target (shown, never evaluated). */
  restatements: Restatement[];
  /** How an ambiguous wording was read (the catalogue's note). */
  targetNote?: Localized;
  /** The indicator's canonical unit: every number below is in it (completion and growth rates are fractions). */
  unit: string;
  target: CanonicalTarget & { year: number; asWritten: { value: number; valueHigh: number | null; unit: string } };
  /** 基期值: the value the year before the plan starts (0 for a running total). */
  baseline: MeasureReading & { year: number };
  actual: MeasureReading;
  /** 序时进度预期值, with 时间进度 (`elapsed`) */
  expected: Expected;
  /** 目标增量完成进度 */
  increment: Increment;
  /** 完成率 */
  completion: Completion;
  status: EvaluationStatus;
  /** What is still needed (还需), in the indicator's own terms */
  growthNeeded: GrowthNeeded;
  notes: EvaluationNote[];
  /** Every part's reason code in one list, for a 说明 column (messages: evaluation_reason_<code>). */
  reasons: { part: EvaluationPart; code: string }[];
  /** The return the actual was read from; null when the park has none for the year. */
  source: ReturnSource | null;
}
