export * from './catalogue/catalogue-schema.js';
export { loadCatalogue } from './catalogue/load-catalogue.js';
export * from './figures/units.js';
export type { Issue, IssueParams, Severity, Lang } from './issues/issue.js';
export { makeIssue } from './issues/make-issue.js';
export { formatMessage, MESSAGE_TABLES } from './messages/messages.js';
export { isDeclaredNone, parseFigure } from './figures/parse-figure.js';
export type { FigureExpectation, FigureResult } from './figures/parse-figure.js';
export { convertValue } from './figures/convert-value.js';
export type { ConvertResult } from './figures/convert-value.js';
export { formatFigure } from './figures/format-figure.js';
export type { FormatFigureOptions } from './figures/format-figure.js';
export { roundDecimals, roundFigure } from './figures/round-figure.js';
export { decimalString } from './figures/decimal-string.js';
export {
  periodOf,
  isLeapYear,
  parsePeriod,
  PERIOD_MIN_YEAR,
  PERIOD_MAX_YEAR,
  periodDays,
  reportingDays,
  previousPeriod,
  periodStart,
  periodEnd,
  periodOrder,
  computeDueDate,
  hasPeriodBegun,
} from './periods/periods.js';
export type { Period, Quarter, PeriodResult } from './periods/periods.js';
export { targetCanonicalValue } from './catalogue/target-canonical-value.js';
export type { CanonicalTargetValue } from './catalogue/target-canonical-value.js';
export { contentHash, canonicalJson } from './hashing/content-hash.js';
export type {
  Actor,
  Role,
  ReturnInput,
  DraftInput,
  ReturnVersion,
  ReturnState,
  Review,
  ReviewDecision,
  ReviewInput,
  Receipt,
  UploadReceipt,
  VersionSummary,
  ReturnDraft,
  DraftReceipt,
  ReturnResponse,
  ValidateResponse,
  ParkStatus,
  StatusResponse,
  LockEvent,
  LockResponse,
} from './api/returns.js';
export { storedResultOf, receiptOf } from './api/returns.js';
export type { ParksResponse, ExtractTargetsRequest, ExtractTargetsResponse, ApiErrorBody } from './api/documents.js';
export type { ApiErrorCode } from './api/errors.js';
export type { AuthInfoResponse, AuthMode, MeResponse } from './api/identity.js';
export {
  computeReturnState,
  computeAcceptedVersion,
  collectBaselines,
  computePeriodReturns,
  type ReturnStateInput,
  type AcceptedVersion,
  type AcceptedReturn,
  type PeriodReturns,
} from './returns/lifecycle.js';
export type { TemplateModel, TemplateField, TemplateTarget, FieldReason } from './templates/template-model.js';
export { buildTemplate, type TemplateContext, type TemplatePeriod } from './templates/build-template.js';
export type { TemplateLayout, LayoutColumn, LayoutRow, LayoutBlock, CellContent, CellValidation, DefinedName, ColumnKey } from './templates/template-layout.js';
export {
  layoutTemplate,
  describeTarget,
  columnLetter,
  validationFormula,
  META_SHEET_NAME,
  DEFINED_NAMES,
  TEMPLATE_FIRST_DATA_ROW,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_LAYOUT_VERSION,
} from './templates/layout-template.js';
export { readTemplateCells, type CellValue } from './templates/read-template-cells.js';
export { askedIndicators, type AskedIndicators } from './templates/asked-indicators.js';
export type { RuleSpec, RuleKind } from './rules/rule-spec.js';
export type { ValidationResult, DerivedValue } from './rules/validation-result.js';
export { validateReturn } from './rules/validate-return.js';
export { declaredNoneOf } from './rules/declared-none-of.js';
export { computeDerived } from './rules/compute-derived.js';
export { issueKey } from './rules/issue-key.js';
export { CHANGE_BAND, CHANGE_FLOOR, SLIP_FACTOR, PART_TOLERANCE, RATIO_TOLERANCE } from './rules/derive-rules.js';
export { extractTargets } from './extraction/extract-targets.js';
export {
  proposalComparisonSchema,
  proposalReasonSchema,
  proposedBaselineSchema,
  reasonCodeSchema,
  targetKindSchema,
  targetProposalSchema,
  yearSourceSchema,
} from './extraction/target-proposal.js';
export type {
  ProposalComparison,
  ProposalReason,
  ProposedBaseline,
  ReasonCode,
  TargetKind,
  TargetProposal,
} from './extraction/target-proposal.js';
export { consolidate, consolidateHierarchy, type ConsolidateOptions } from './consolidation/consolidate.js';
export type {
  Consolidation,
  ConsolidatedRow,
  ConsolidatedCell,
  ConsolidatedTotal,
  CellReason,
  TotalReason,
  IgnoredReturn,
} from './consolidation/consolidation-result.js';
export { CELL_REASONS, TOTAL_REASONS, IGNORED_REASONS } from './consolidation/consolidation-result.js';
export type { ParkReturnValues, ReturnSource } from './consolidation/park-returns.js';
export { assertOrgTree, computeConsolidatingUnits, computeOrgUnits, computeReportingUnits, type OrgUnit } from './consolidation/org-units.js';
export {
  assertSameIndicator,
  computeDerivedValue,
  computeQuotient,
  sumFigures,
  type Derived,
  type DerivedReason,
  type Figure,
  type Quotient,
  type QuotientReason,
} from './consolidation/derived-values.js';
export { CONSOLIDATION_KINDS, type ConsolidationBehaviour, type ConsolidationInput } from './consolidation/consolidation-kinds.js';
export { evaluateTarget, computeCanonicalTarget, type EvaluateTargetInput } from './evaluation/evaluate-target.js';
export { evaluateYear, type EvaluateYearOptions, type YearEvaluation, type Baselines } from './evaluation/evaluate-year.js';
export {
  rankParks,
  computeRanks,
  type ParkRankings,
  type ParkRanking,
  type RankEntry,
  type RankParksOptions,
  type RankDirection,
} from './evaluation/rank-parks.js';
export { EVALUATION_NOTES, type TargetEvaluation, type EvaluationNote, type EvaluationPart, type CanonicalTarget } from './evaluation/evaluation-result.js';
export { EVALUATION_STATUSES, STATUS_RULES, computeStatus, type EvaluationStatus, type StatusRule, type StatusFacts } from './evaluation/status.js';
export {
  COMPARISON_KINDS,
  COMPARISON_TOLERANCE,
  isAtLeast,
  isMoreThan,
  computeCompletion,
  type ComparisonBehaviour,
  type Completion,
} from './evaluation/comparisons.js';
export { MEASURE_KINDS, computeDaysInYear, type MeasureBehaviour, type MeasureReading, type ReadingSource, type ReadingReason } from './evaluation/measures.js';
export { computeExpected, computeIncrement, type Expected, type ExpectedInput, type Increment } from './evaluation/progress.js';
export {
  GROWTH_KINDS,
  GROWTH_REASONS,
  computeAmountPerYear,
  computeCompoundGrowth,
  computeGrowthNeeded,
  computeTotalToAdd,
  growthKindOf,
  type GrowthKind,
  type GrowthNeeded,
  type GrowthNeededInput,
  type GrowthReason,
} from './evaluation/growth-needed.js';
export { catalogueInForce } from './catalogue/catalogue-in-force.js';
export { readPlanHeader, type PlanHeader } from './onboarding/read-plan-header.js';
export {
  initialReview,
  PERIOD_DAYS,
  onboardingReviewSchema,
  type OnboardingReview,
  type OnboardingItem,
  type OnboardingPlan,
  type NewIndicator,
} from './onboarding/onboarding-review.js';
export { checkOnboarding } from './onboarding/check-onboarding.js';
export { applyOnboarding } from './onboarding/apply-onboarding.js';
