import { z } from 'zod';
import {
  catalogueSchema,
  comparisonSchema,
  consolidationSchema,
  localizedSchema,
  measureKindSchema,
  parkSchema,
  restatementSchema,
  valueTypeSchema,
  type Catalogue,
} from '../catalogue/catalogue-schema.js';
import { CELL_REASONS, type Consolidation } from '../consolidation/consolidation-result.js';
import { EVALUATION_NOTES } from '../evaluation/evaluation-result.js';
import { GROWTH_KINDS, GROWTH_REASONS } from '../evaluation/growth-needed.js';
import { EVALUATION_STATUSES } from '../evaluation/status.js';
import type { YearEvaluation } from '../evaluation/evaluate-year.js';
import { proposalReasonSchema, proposedBaselineSchema, targetProposalSchema, type TargetProposal } from '../extraction/target-proposal.js';
import type { Issue } from '../issues/issue.js';
import type { DerivedValue, ValidationResult } from '../rules/validation-result.js';
import type { TemplateModel } from '../templates/template-model.js';
import { API_ERROR_CODES } from './errors.js';

/**
 * The schemas of the documents the domain computes and the API serves as they are: issues, the
 * template, a validation, the consolidation, the annual evaluation, the extractor's proposals
 * and the catalogue. The domain keeps its own TypeScript types; each schema here is checked at
 * compile time to describe exactly that type (see the Exact checks at the end), so a change to a
 * domain type that the API serves fails to compile until its schema says the same.
 *
 * Every schema the OpenAPI document names is registered in API_SCHEMAS with its component name.
 */
export const API_SCHEMAS = z.registry<{ id: string }>();

/** Registers a schema as an OpenAPI component (components/schemas/<id>). */
export function named<S extends z.ZodType>(id: string, schema: S): S {
  API_SCHEMAS.add(schema, { id });
  return schema;
}

const cellValues = z.record(z.string(), z.number().nullable());

export const issueSchema = named(
  'Issue',
  z
    .object({
      code: z.string().meta({ description: 'Stable snake_case code; the text comes from the message tables.' }),
      severity: z.enum(['error', 'warning']),
      path: z.string().meta({ description: 'The field the issue concerns, e.g. figures.rd_expenditure.' }),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      message: z.object({ zh: z.string(), en: z.string() }),
    })
    .meta({ description: 'An expected problem, with its message in Chinese and English.' }),
);

export const derivedValueSchema = named(
  'DerivedValue',
  z
    .object({
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      reason: z.enum(['missing_component', 'division_by_zero']).optional(),
    })
    .meta({ description: 'A ratio or rate computed from its components, with the parts.' }),
);

export const validationResultSchema = z.object({
  values: cellValues.meta({ description: 'Parsed values of every field in its unit (null = blank).' }),
  derived: z.record(z.string(), derivedValueSchema),
  declaredNone: z.array(z.string()).meta({ description: 'Fields declared none (无, —, N/A): answered "not applicable".' }),
  baselines: cellValues,
  issues: z.array(issueSchema),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  unexplained: z.array(z.string()).meta({ description: 'Issue keys of warnings without an explanation (说明).' }),
  acceptable: z.boolean().meta({ description: 'No errors and every warning explained: the return may be submitted.' }),
});

const reference = z.enum(['previous', 'baseline']).optional();
export const ruleSpecSchema = named(
  'RuleSpec',
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('figure'), field: z.string() }),
    z.object({ kind: z.literal('part_le_whole'), part: z.string(), whole: z.string(), tolerance: z.number(), through: z.array(z.string()).optional() }),
    z.object({ kind: z.literal('ratio_consistency'), field: z.string(), tolerance: z.number() }),
    z.object({ kind: z.literal('derived_in_range'), field: z.string() }),
    z.object({ kind: z.literal('not_decreasing'), field: z.string(), against: reference }),
    z.object({ kind: z.literal('change_band'), field: z.string(), band: z.number(), floor: z.number().optional(), against: reference }),
    z.object({ kind: z.literal('magnitude_slip'), field: z.string(), factor: z.number(), against: reference }),
    z.object({ kind: z.literal('baseline_required'), field: z.string() }),
  ]),
);

const templateTargetSchema = z.object({
  id: z.string(),
  value: z.number(),
  valueHigh: z.number().optional(),
  unit: z.string(),
  canonicalValue: z.number(),
  canonicalValueHigh: z.number().optional(),
  comparison: comparisonSchema,
  stretch: z.boolean(),
  year: z.number().int(),
  quote: z.string(),
});

const templateFieldSchema = z.object({
  key: z.string(),
  indicator: z.string(),
  label: localizedSchema,
  definition: localizedSchema,
  unit: z.string(),
  valueType: valueTypeSchema,
  measure: measureKindSchema,
  derived: z.boolean(),
  runningTotal: z.boolean(),
  formula: z.object({ numerator: z.string(), denominator: z.string(), scale: z.number() }).optional(),
  partOf: z.string().optional(),
  sameAs: z
    .array(z.object({ indicator: z.string(), label: localizedSchema }))
    .optional()
    .meta({ description: 'Other indicators this row answers with the same figure (奉贤园 三大特色 = 三大主导).' }),
  reasons: z.array(z.enum(['target', 'common', 'component'])),
  required: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  previous: z.number().nullable(),
  targets: z.array(templateTargetSchema),
  baseline: z.object({ year: z.number().int(), value: z.number().nullable() }).nullable(),
});

export const templateModelSchema = named(
  'TemplateModel',
  z
    .object({
      park: z.string(),
      parkName: localizedSchema,
      form: z.object({ zone: localizedSchema, number: z.string(), authority: localizedSchema }).meta({ description: 'The formal return: 表号 and 制表机关.' }),
      period: z.string(),
      periodDays: z.number().int(),
      previousPeriod: z.string().nullable(),
      fields: z.array(templateFieldSchema),
      rules: z.array(ruleSpecSchema),
      version: z.string().meta({ description: 'Content hash of the template: also its ETag.' }),
      catalogueVersion: z.number().int().meta({ description: 'The catalogue version it was built from (not part of its hash).' }),
    })
    .meta({ description: "A park's template for a period: its fields, targets, previous values and rules." }),
);

const returnSourceSchema = z.object({ park: z.string(), version: z.number().int() });
const ignoredReturnSchema = returnSourceSchema.extend({ reason: z.enum(['unknown_unit', 'not_reporting_unit', 'returned']) });
const cellReason = z.enum(CELL_REASONS);
const totalReason = z.enum(['not_additive', 'no_contributors', 'no_components', 'division_by_zero', 'out_of_range']);

export const consolidationDocumentSchema = named(
  'Consolidation',
  z
    .object({
      at: z.string(),
      period: z.string(),
      periodDays: z.number().int(),
      units: z.array(z.string()),
      rows: z.array(
        z.object({
          indicator: z.string(),
          name: localizedSchema,
          unit: z.string(),
          consolidation: consolidationSchema,
          components: z.object({ numerator: z.string(), denominator: z.string(), scale: z.number() }).optional(),
          cells: z.array(
            z.object({
              unit: z.string(),
              value: z.number().nullable(),
              numerator: z.number().nullable(),
              denominator: z.number().nullable(),
              declaredNone: z.literal(true).optional().meta({ description: 'The park answered 无: the value is 0.' }),
              reason: cellReason.optional(),
            }),
          ),
          total: z.object({
            value: z.number().nullable(),
            numerator: z.number().nullable(),
            denominator: z.number().nullable(),
            contributing: z.array(z.string()),
            reason: totalReason.optional(),
          }),
          asked: z.array(z.string()).meta({ description: 'The parks asked for this indicator; the others are 不适用.' }),
          missing: z.array(z.string()),
          note: localizedSchema.optional(),
          distinctFrom: z.array(z.string()),
        }),
      ),
      missingReturns: z.array(z.string()),
      sources: z.array(returnSourceSchema),
      ignored: z.array(ignoredReturnSchema),
      catalogueVersion: z.number().int().meta({ description: 'The catalogue version consolidated against.' }),
    })
    .meta({ description: "The zone's consolidation (汇总) of each park's latest accepted version, naming the versions used and left out." }),
);

const measureReadingSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.enum(['reported', 'components', 'plan_start', 'none']),
  declaredNone: z.literal(true).optional(),
  reason: z.enum(['not_reported', 'no_baseline', 'no_components', 'missing_component', 'division_by_zero', 'out_of_range']).optional(),
});

const targetEvaluationSchema = z.object({
  targetId: z.string(),
  park: z.string(),
  indicator: z.string(),
  year: z.number().int(),
  measure: measureKindSchema,
  comparison: comparisonSchema,
  stretch: z.boolean(),
  draftPlan: z.boolean(),
  quote: z.string(),
  restatements: z.array(restatementSchema),
  targetNote: localizedSchema.optional(),
  unit: z.string(),
  target: z.object({
    value: z.number(),
    valueHigh: z.number().nullable(),
    factor: z.number(),
    unit: z.string(),
    year: z.number().int(),
    asWritten: z.object({ value: z.number(), valueHigh: z.number().nullable(), unit: z.string() }),
  }),
  baseline: measureReadingSchema.extend({ year: z.number().int() }),
  actual: measureReadingSchema,
  expected: z.object({ value: z.number().nullable(), elapsed: z.number(), reason: z.enum(['no_baseline', 'out_of_range']).optional() }),
  increment: z.object({ value: z.number().nullable(), reason: z.enum(['no_baseline', 'not_reported', 'no_increment', 'out_of_range']).optional() }),
  completion: z.object({
    value: z.number().nullable(),
    completed: z.boolean(),
    belowHigh: z.boolean(),
    reason: z.enum(['not_reported', 'division_by_zero', 'out_of_range']).optional(),
  }),
  status: z.enum(EVALUATION_STATUSES),
  growthNeeded: z.object({
    kind: z.enum(GROWTH_KINDS),
    value: z.number().nullable(),
    yearsLeft: z.number().int(),
    reason: z.enum(GROWTH_REASONS).optional(),
  }),
  notes: z.array(z.enum(EVALUATION_NOTES)),
  reasons: z.array(z.object({ part: z.enum(['baseline', 'actual', 'expected', 'increment', 'completion', 'growthNeeded']), code: z.string() })),
  source: returnSourceSchema.nullable(),
});

export const yearEvaluationSchema = named(
  'YearEvaluation',
  z
    .object({
      year: z.number().int(),
      evaluations: z.array(targetEvaluationSchema),
      sources: z.array(returnSourceSchema),
      ignored: z.array(ignoredReturnSchema),
      catalogueVersion: z.number().int().meta({ description: "The catalogue version whose targets were evaluated (each park's plan in force that year)." }),
    })
    .meta({ description: "Every target's annual evaluation (年度评估): completion, 序时进度, status and the growth still needed." }),
);

named('ProposalReason', proposalReasonSchema);
named('ProposedBaseline', proposedBaselineSchema);

/** The extractor's proposal is itself a schema (extraction/target-proposal.ts): served as it is. */
export const targetProposalDocumentSchema = named('TargetProposal', targetProposalSchema);

export const catalogueDocumentSchema = named(
  'Catalogue',
  catalogueSchema.meta({ description: 'Parks, indicators, targets with their verbatim quotes, and wordings.' }),
);

export const parksResponseSchema = named(
  'ParksResponse',
  z.object({ zone: catalogueSchema.shape.zone, parks: z.array(parkSchema) }).meta({ description: 'The zone and its parks, as the catalogue has them.' }),
);
export type ParksResponse = z.infer<typeof parksResponseSchema>;

export const extractTargetsRequestSchema = named(
  'ExtractTargetsRequest',
  z.object({ text: z.string().regex(/\S/).meta({ description: 'A plan text (行动方案), decoded to a string; not blank.' }) }),
);
export type ExtractTargetsRequest = z.infer<typeof extractTargetsRequestSchema>;

export const extractTargetsResponseSchema = named('ExtractTargetsResponse', z.object({ targets: z.array(targetProposalDocumentSchema) }));
export type ExtractTargetsResponse = z.infer<typeof extractTargetsResponseSchema>;

/** Every 4xx/5xx body of the HTTP API. `code` is stable snake_case. */
export const apiErrorBodySchema = named(
  'ApiErrorBody',
  z.object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.object({ zh: z.string(), en: z.string() }),
      issues: z.array(issueSchema).optional().meta({ description: 'Every problem found, each with the path of its field.' }),
    }),
  }),
);
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** true when A and B are the same type (each assignable to the other). */
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;

// Each schema describes exactly the domain type it serves: a drift on either side fails here.
export type DocumentSchemasMatchTheirTypes = [
  Expect<Exact<z.output<typeof issueSchema>, Issue>>,
  Expect<Exact<z.output<typeof derivedValueSchema>, DerivedValue>>,
  Expect<Exact<z.output<typeof validationResultSchema>, ValidationResult>>,
  Expect<Exact<z.output<typeof templateModelSchema>, TemplateModel>>,
  Expect<Exact<z.output<typeof consolidationDocumentSchema>, Consolidation>>,
  Expect<Exact<z.output<typeof yearEvaluationSchema>, YearEvaluation>>,
  Expect<Exact<z.output<typeof targetProposalDocumentSchema>, TargetProposal>>,
  Expect<Exact<z.output<typeof catalogueDocumentSchema>, Catalogue>>,
];
