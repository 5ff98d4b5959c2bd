/**
 * The consolidation and evaluation types and functions the workbooks are written from. They are
 * imported here, in one place, from their modules while shared/src/index.ts does not export them
 * yet; once it does, this file re-exports from '@zj/shared' and nothing else changes.
 */
export { consolidate, type ConsolidateOptions } from '../../../shared/src/consolidation/consolidate.js';
export type {
  Consolidation,
  ConsolidatedRow,
  ConsolidatedCell,
  ConsolidatedTotal,
  CellReason,
  TotalReason,
} from '../../../shared/src/consolidation/consolidation-result.js';
export type { ParkReturnValues, ReturnSource } from '../../../shared/src/consolidation/park-return-values.js';
export { evaluateYear, type YearEvaluation, type Baselines } from '../../../shared/src/evaluation/evaluate-year.js';
export type { TargetEvaluation, EvaluationNote } from '../../../shared/src/evaluation/evaluation-result.js';
export { rankParks, type ParkRankings, type ParkRanking, type RankEntry } from '../../../shared/src/evaluation/rank-parks.js';
export { STATUS_RULES } from '../../../shared/src/evaluation/status-rules.js';
export { COMPARISON_KINDS } from '../../../shared/src/evaluation/comparisons/comparison-kinds.js';
export { COMPARISON_TOLERANCE } from '../../../shared/src/evaluation/compare-figures.js';
export type { EvaluationStatus } from '../../../shared/src/evaluation/evaluation-status.js';
export { MEASURE_KINDS } from '../../../shared/src/evaluation/measures/measure-kinds.js';
export { CONSOLIDATION_KINDS } from '../../../shared/src/consolidation/kinds/consolidation-kinds.js';
