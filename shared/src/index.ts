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
export { roundFigure } from './figures/round-figure.js';
export { decimalString } from './figures/decimal-string.js';
export { periodOf, isLeapYear, parsePeriod, PERIOD_MIN_YEAR, PERIOD_MAX_YEAR, periodDays, reportingDays, previousPeriod, periodStart, periodEnd, periodOrder, computeDueDate, hasPeriodBegun } from './periods/periods.js';
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
export type { TemplateLayout, LayoutColumn, LayoutRow, CellContent, CellValidation, DefinedName, ColumnKey } from './templates/template-layout.js';
export { layoutTemplate, describeTarget, columnLetter, META_SHEET_NAME, DEFINED_NAMES, TEMPLATE_FIRST_DATA_ROW, TEMPLATE_HEADER_ROW } from './templates/layout-template.js';
export { readTemplateCells, type CellValue } from './templates/read-template-cells.js';
export type { RuleSpec, RuleKind } from './rules/rule-spec.js';
export type { ValidationResult, DerivedValue } from './rules/validation-result.js';
export { validateReturn } from './rules/validate-return.js';
export { declaredNoneOf } from './rules/declared-none-of.js';
export { computeDerived } from './rules/compute-derived.js';
export { issueKey } from './rules/issue-key.js';
export { CHANGE_BAND, SLIP_FACTOR, PART_TOLERANCE, RATIO_TOLERANCE } from './rules/derive-rules.js';
export { extractTargets } from './extraction/extract-targets.js';
export {
  proposalComparisonSchema, proposalReasonSchema, proposedBaselineSchema, reasonCodeSchema, targetKindSchema, targetProposalSchema,
  yearSourceSchema,
} from './extraction/target-proposal.js';
export type {
  ProposalComparison, ProposalReason, ProposedBaseline, ReasonCode, TargetKind, TargetProposal,
} from './extraction/target-proposal.js';
export { consolidate, type ConsolidateOptions } from './consolidation/consolidate.js';
export { consolidateHierarchy } from './consolidation/consolidate-hierarchy.js';
export type { Consolidation, ConsolidatedRow, ConsolidatedCell, ConsolidatedTotal, CellReason, TotalReason, IgnoredReturn } from './consolidation/consolidation-result.js';
export { CELL_REASONS, TOTAL_REASONS, IGNORED_REASONS } from './consolidation/consolidation-result.js';
export type { ParkReturnValues, ReturnSource } from './consolidation/park-return-values.js';
export type { OrgUnit } from './consolidation/org-unit.js';
export { computeOrgUnits } from './consolidation/compute-org-units.js';
export { computeReportingUnits } from './consolidation/compute-reporting-units.js';
export { computeConsolidatingUnits } from './consolidation/compute-consolidating-units.js';
export { assertOrgTree } from './consolidation/assert-org-tree.js';
export { assertSameIndicator } from './consolidation/assert-same-indicator.js';
export { sumFigures } from './consolidation/sum-figures.js';
export type { Figure } from './consolidation/figure.js';
export { computeQuotient, type Quotient, type QuotientReason } from './consolidation/compute-quotient.js';
export { computeDerivedValue, type Derived, type DerivedReason } from './consolidation/compute-derived-value.js';
export { CONSOLIDATION_KINDS } from './consolidation/kinds/consolidation-kinds.js';
export type { ConsolidationBehaviour, ConsolidationInput } from './consolidation/kinds/consolidation-behaviour.js';
export { evaluateTarget, type EvaluateTargetInput } from './evaluation/evaluate-target.js';
export { evaluateYear, type EvaluateYearOptions, type YearEvaluation, type Baselines } from './evaluation/evaluate-year.js';
export { rankParks, type ParkRankings, type ParkRanking, type RankEntry, type RankParksOptions } from './evaluation/rank-parks.js';
export { computeRanks, type RankDirection } from './evaluation/compute-ranks.js';
export { EVALUATION_NOTES, type TargetEvaluation, type EvaluationNote, type EvaluationPart } from './evaluation/evaluation-result.js';
export { EVALUATION_STATUSES, type EvaluationStatus } from './evaluation/evaluation-status.js';
export { STATUS_RULES, type StatusRule, type StatusFacts } from './evaluation/status-rules.js';
export { computeStatus } from './evaluation/compute-status.js';
export { COMPARISON_KINDS } from './evaluation/comparisons/comparison-kinds.js';
export type { ComparisonBehaviour } from './evaluation/comparisons/comparison-behaviour.js';
export { COMPARISON_TOLERANCE, isAtLeast, isMoreThan } from './evaluation/compare-figures.js';
export { MEASURE_KINDS } from './evaluation/measures/measure-kinds.js';
export type { MeasureBehaviour } from './evaluation/measures/measure-behaviour.js';
export type { MeasureReading, ReadingSource, ReadingReason } from './evaluation/measures/measure-reading.js';
export { computeCanonicalTarget, type CanonicalTarget } from './evaluation/compute-canonical-target.js';
export { computeExpected, type Expected, type ExpectedInput } from './evaluation/compute-expected.js';
export { computeCompletion, type Completion } from './evaluation/compute-completion.js';
export { computeGrowthNeeded, type GrowthNeededInput } from './evaluation/compute-growth-needed.js';
export { GROWTH_REASONS, type GrowthNeeded, type GrowthReason } from './evaluation/growth-needed.js';
export { computeCompoundGrowth } from './evaluation/compute-compound-growth.js';
export { computeAmountPerYear } from './evaluation/compute-amount-per-year.js';
export { computeDaysInYear } from './evaluation/compute-days-in-year.js';
export { catalogueInForce } from './catalogue/catalogue-in-force.js';
export { readPlanHeader, type PlanHeader } from './onboarding/read-plan-header.js';
export { initialReview, PERIOD_DAYS, onboardingReviewSchema, type OnboardingReview, type OnboardingItem, type OnboardingPlan, type NewIndicator } from './onboarding/onboarding-review.js';
export { checkOnboarding } from './onboarding/check-onboarding.js';
export { applyOnboarding } from './onboarding/apply-onboarding.js';
