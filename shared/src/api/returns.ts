import { z } from 'zod';
import type { ValidationResult } from '../rules/validation-result.js';
import { derivedValueSchema, issueSchema, named, validationResultSchema } from './documents.js';

/**
 * The documents of a park's return as the API exchanges them: who acts, what a client sends to
 * validate, submit or keep as a draft, the versions, receipts, reviews, states and locks. The
 * zod schemas are the source of the types (z.infer), so what the server checks, what the client
 * parses and what the OpenAPI document says are one thing.
 */

export const roleSchema = z.enum(['statistician', 'reviewer', 'consolidator']);
export type Role = z.infer<typeof roleSchema>;

/** Who did something: a signed-in user with their role and park. */
export const actorSchema = named(
  'Actor',
  z.object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    park: z.string().nullable().meta({ description: 'The park a statistician or reviewer belongs to; null for the zone consolidator.' }),
  }),
);
export type Actor = z.infer<typeof actorSchema>;

/** Limits of a return body: a template has tens of fields; these stop abuse, not statisticians. */
export const RETURN_INPUT_LIMITS = { keys: 1000, cellChars: 200, explanationChars: 4000, templateVersionChars: 200 } as const;

const atMostKeys = <T extends Record<string, unknown>>(record: T) => Object.keys(record).length <= RETURN_INPUT_LIMITS.keys;
const cell = z.union([z.number(), z.string().max(RETURN_INPUT_LIMITS.cellChars), z.null()]);
const cells = z.record(z.string(), cell).refine(atMostKeys, { message: `at most ${RETURN_INPUT_LIMITS.keys} fields` });

/** Explanations (说明) of warnings, by issue key (see issueKey) or `field:<key>` for a row. */
export const explanationsSchema = z
  .record(z.string(), z.string().max(RETURN_INPUT_LIMITS.explanationChars))
  .refine(atMostKeys, { message: `at most ${RETURN_INPUT_LIMITS.keys} explanations` });

/** What a client sends to validate, submit or keep as a draft. Raw cell values: the server parses them. */
export const returnInputSchema = named(
  'ReturnInput',
  z
    .object({
      templateVersion: z.string().min(1).max(RETURN_INPUT_LIMITS.templateVersionChars),
      figures: cells.meta({ description: 'Cell values by field key, as the sheet holds them: numbers, text (3.4万, 无) or null for a blank.' }),
      baselines: cells.optional().meta({ description: 'Baseline (基期值) values, by field key, for fields whose template asks for one.' }),
      explanations: explanationsSchema.optional().meta({ description: 'Explanations (说明) of warnings, by issue key (see issueKey).' }),
    })
    .meta({ description: 'A return as the client sends it to validate, submit or keep as a draft.' }),
);
export type ReturnInput = z.infer<typeof returnInputSchema>;

/**
 * PUT /returns/{park}/{period}/draft: the same body as a submission, checked for shape and types
 * only. Figures may be missing or wrong: a draft is work in progress.
 */
export type DraftInput = ReturnInput;

/**
 * Where a park's return for a period stands (填报状态). `draft`: a server draft newer than the
 * latest version (or no version yet), with content that version does not have.
 */
export const RETURN_STATES = ['not_started', 'draft', 'submitted', 'returned', 'approved', 'late'] as const;
export const returnStateSchema = z.enum(RETURN_STATES);
export type ReturnState = z.infer<typeof returnStateSchema>;

/** 审核通过 (approve) or 退回 (return). */
export const reviewDecisionSchema = z.enum(['approve', 'return']);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** POST /returns/{park}/{period}/review: only the latest version, once; a return needs a comment. */
export const reviewInputSchema = named(
  'ReviewInput',
  z.object({
    version: z.number().int().min(1),
    decision: reviewDecisionSchema,
    comment: z.string().max(4000).optional().meta({ description: 'Required (not blank) to return a version; kept trimmed.' }),
  }),
);
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** A reviewer's decision on one version. */
export const reviewSchema = named(
  'Review',
  z.object({ version: z.number().int(), decision: reviewDecisionSchema, comment: z.string(), by: actorSchema, at: z.string() }),
);
export type Review = z.infer<typeof reviewSchema>;

const sourceSchema = z.enum(['addin', 'api', 'upload']);

/** One stored submission. Versions are appended, never overwritten. */
export const returnVersionSchema = named(
  'ReturnVersion',
  z.object({
    park: z.string(),
    period: z.string(),
    version: z.number().int(),
    submittedAt: z.string().meta({ description: 'ISO 8601' }),
    submittedBy: actorSchema,
    templateVersion: z.string(),
    contentHash: z.string().meta({ description: 'contentHash of `input`.' }),
    input: returnInputSchema.meta({ description: 'The figures, baselines and explanations exactly as sent.' }),
    values: z.record(z.string(), z.number().nullable()),
    derived: z.record(z.string(), derivedValueSchema),
    baselines: z.record(z.string(), z.number().nullable()),
    declaredNone: z
      .array(z.string())
      .optional()
      .meta({ description: 'Fields whose figure was declared none (无/—/N/A). Absent in versions stored before it was kept: read it with declaredNoneOf.' }),
    issues: z.array(issueSchema),
    source: sourceSchema,
    uploadBlob: z.string().optional().meta({ description: 'Name of the blob holding the original uploaded workbook, for source upload.' }),
    catalogueVersion: z.number().int().optional().meta({
      description: 'The catalogue version the return was validated against (its template). Absent in versions stored before the catalogue was versioned.',
    }),
  }),
);
export type ReturnVersion = z.infer<typeof returnVersionSchema>;

/** One line of a return's history: what the version list shows without reading each document. */
export const versionSummarySchema = named(
  'VersionSummary',
  z.object({
    version: z.number().int(),
    submittedAt: z.string(),
    submittedBy: actorSchema,
    contentHash: z.string(),
    templateVersion: z.string(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    source: sourceSchema,
  }),
);
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** What a submit answers (报送回执): 201, or 200 for an idempotent replay. */
export const receiptSchema = named(
  'Receipt',
  z.object({
    park: z.string(),
    period: z.string(),
    version: z.number().int(),
    submittedAt: z.string(),
    submittedBy: actorSchema,
    contentHash: z.string(),
    templateVersion: z.string(),
    issues: z.array(issueSchema),
    explanations: z.record(z.string(), z.string()),
    catalogueVersion: z.number().int().optional().meta({ description: 'The catalogue version the return was validated against.' }),
  }),
);
export type Receipt = z.infer<typeof receiptSchema>;

/** An upload's receipt, and the blob keeping the workbook as sent. */
export const uploadReceiptSchema = named('UploadReceipt', receiptSchema.extend({ uploadBlob: z.string() }));
export type UploadReceipt = z.infer<typeof uploadReceiptSchema>;

/**
 * A server draft (草稿) of a park's return: the figures as the sheet held them when the
 * statistician last validated, complete or not. Drafts are appended, never overwritten, and are
 * never versions: nothing is submitted.
 */
export const returnDraftSchema = named(
  'ReturnDraft',
  z.object({
    park: z.string(),
    period: z.string(),
    savedAt: z.string(),
    savedBy: actorSchema,
    contentHash: z.string(),
    input: returnInputSchema,
  }),
);
export type ReturnDraft = z.infer<typeof returnDraftSchema>;

/** What saving a draft answers: when the new draft record was saved, and the contentHash of its input. */
export const draftReceiptSchema = named('DraftReceipt', z.object({ savedAt: z.string(), contentHash: z.string() }));
export type DraftReceipt = z.infer<typeof draftReceiptSchema>;

/** The latest version in full, and a page of the versions (the newest first) with their reviews. */
export const returnResponseSchema = named(
  'ReturnResponse',
  z.object({
    park: z.string(),
    period: z.string(),
    state: returnStateSchema,
    due: z.string().meta({ description: 'ISO 8601: the end of the last day the return is on time.' }),
    locked: z.boolean(),
    latest: returnVersionSchema.nullable().meta({ description: 'null when nothing was ever submitted.' }),
    versions: z.array(versionSummarySchema).meta({
      description: 'This page of the versions, in version order: the newest `limit` of them, or those just below the page the continuation token came with.',
    }),
    reviews: z.array(reviewSchema).meta({ description: 'The reviews of the versions of this page, in the order they were made.' }),
    next: z.string().nullable().meta({ description: 'The continuation token of the next page (older versions), or null when this page reaches version 1.' }),
  }),
);

/** Versions a page of GET /returns/{park}/{period} holds when no limit is asked for, and at most. */
export const VERSION_PAGE = { default: 20, max: 100 } as const;

/** The continuation token of the page of versions below `below`: opaque to clients, who send it back as it came. */
export function versionsCursor(below: number): string {
  return `v${below.toString(36)}`;
}

/** The version a continuation token's page ends below, or null when it is no token this API made. */
export function readVersionsCursor(token: string): number | null {
  const m = /^v([0-9a-z]{1,8})$/.exec(token);
  const below = m ? parseInt(m[1]!, 36) : NaN;
  return Number.isSafeInteger(below) && below >= 2 ? below : null;
}
export type ReturnResponse = z.infer<typeof returnResponseSchema>;

/** The validation, and whether the client's template is stale or the period locked. */
export const validateResponseSchema = named(
  'ValidateResponse',
  validationResultSchema.extend({
    templateVersion: z.string().meta({ description: "The server's current template version." }),
    stale: z.boolean(),
    locked: z.boolean(),
  }),
);
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

/** One park's state for a period (a row of the status table). */
export const parkStatusSchema = named(
  'ParkStatus',
  z.object({
    park: z.string(),
    state: returnStateSchema,
    latestVersion: z.number().int().nullable(),
    submittedAt: z.string().nullable(),
    draftSavedAt: z.string().nullable().meta({ description: 'When the newest server draft was saved, if any.' }),
    review: reviewSchema.nullable().meta({ description: 'The latest review of the latest version, if any.' }),
    due: z.string().meta({ description: 'ISO 8601: the end of the last day the return is on time.' }),
  }),
);
export type ParkStatus = z.infer<typeof parkStatusSchema>;

/** Every park for the consolidator, only its own for a park's users. */
export const statusResponseSchema = named('StatusResponse', z.object({ period: z.string(), locked: z.boolean(), parks: z.array(parkStatusSchema) }));
export type StatusResponse = z.infer<typeof statusResponseSchema>;

/** A period locked or unlocked, by whom and when; kept as a history, never changed. */
export const lockEventSchema = named('LockEvent', z.object({ period: z.string(), locked: z.boolean(), by: actorSchema, at: z.string() }));
export type LockEvent = z.infer<typeof lockEventSchema>;

/** The period's lock state now, as its latest event, or (unlocking a period never locked) unlocked by nobody. */
export const lockResponseSchema = named(
  'LockResponse',
  z.union([lockEventSchema, z.object({ period: z.string(), locked: z.literal(false), by: z.null(), at: z.null() })]),
);
export type LockResponse = z.infer<typeof lockResponseSchema>;

/** The parts of a validation a stored version keeps beside the figures as sent. */
export function storedResultOf(result: ValidationResult): Pick<ReturnVersion, 'values' | 'derived' | 'baselines' | 'declaredNone' | 'issues'> {
  return { values: result.values, derived: result.derived, baselines: result.baselines, declaredNone: result.declaredNone, issues: result.issues };
}

/** What a submission answers, taken from the stored version (so a replay answers the same). */
export function receiptOf(version: ReturnVersion): Receipt {
  return {
    park: version.park,
    period: version.period,
    version: version.version,
    submittedAt: version.submittedAt,
    submittedBy: version.submittedBy,
    contentHash: version.contentHash,
    templateVersion: version.templateVersion,
    issues: version.issues,
    explanations: version.input.explanations ?? {},
    ...(version.catalogueVersion !== undefined ? { catalogueVersion: version.catalogueVersion } : {}),
  };
}
