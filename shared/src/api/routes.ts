import { z } from 'zod';
import type { Issue } from '../issues/issue.js';
import { makeIssue } from '../issues/make-issue.js';
import {
  catalogueDocumentSchema,
  consolidationDocumentSchema,
  extractTargetsRequestSchema,
  extractTargetsResponseSchema,
  named,
  parksResponseSchema,
  templateModelSchema,
  yearEvaluationSchema,
} from './documents.js';
import { SIGN_IN_REFUSAL_CODES, UPLOAD_REFUSAL_CODES, type ApiErrorCode } from './errors.js';
import { authInfoResponseSchema, meResponseSchema } from './identity.js';
import {
  catalogueHistorySchema,
  onboardingDraftSchema,
  onboardingReviewDocumentSchema,
  planUploadSchema,
  publishRequestSchema,
  publishResultSchema,
} from './catalogue-api.js';
import {
  readVersionsCursor,
  VERSION_PAGE,
  draftReceiptSchema,
  lockResponseSchema,
  receiptSchema,
  returnDraftSchema,
  explanationsSchema,
  returnInputSchema,
  returnResponseSchema,
  returnVersionSchema,
  reviewInputSchema,
  reviewSchema,
  statusResponseSchema,
  uploadReceiptSchema,
  validateResponseSchema,
} from './returns.js';

/**
 * THE ROUTE TABLE: every route of the HTTP API, declared once. Everything else is derived from it:
 *
 * - the Functions registrations (functions/src/http/route-handler.ts: method, route template,
 *   the JSON body checked by its schema, the answer typed by the declared responses);
 * - the task pane's client (addin/src/api/api-client.ts: paths built from `path`, bodies typed,
 *   answers parsed with the declared response schema, never cast);
 * - the tests' helper (functions/test/helpers/harness.ts `call`: typed like the client, and every
 *   answer checked against this table: status, schema, and the error codes the route declares);
 * - GET /api/openapi.json (functions/src/http/openapi-document.ts), checked by a test against
 *   the routes the Functions host registers.
 *
 * To add a route:
 * 1. Add an entry below, named for the function (verb + noun, e.g. `getMe`): method, path (under
 *    /api, OpenAPI syntax, every `{param}` one of PATH_PARAMS), summary, tag, whether it needs a
 *    signed-in user, its body (json(schema) or a file type), its responses by status, and the
 *    error codes it may answer beyond those every route may (see possibleErrors).
 * 2. Put the body and response schemas in returns.ts or documents.ts (or a new module of this
 *    folder), wrapped in named('ComponentName', …) so the OpenAPI document names them.
 * 3. A new error code goes in errors.ts (API_ERROR_CODES and both message tables) and gets its
 *    HTTP status in functions/src/http/error-response.ts: both fail to compile until done.
 * 4. Write functions/src/functions/<verb-noun>.ts: `routeHandler('getMe', async ({ request, params, body }) => …)`
 *    and `registerRoute('getMe', handler)`. The OpenAPI test fails until the route is registered.
 * 5. The client gets it with `api.call('getMe', {})`; tests with `call(base, 'getMe', { token })`.
 */

/** The media type of an .xlsx workbook (templates, consolidation, evaluation, uploads). */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** A JSON body, checked by its schema. */
export interface JsonContent<S extends z.ZodType = z.ZodType> {
  readonly kind: 'json';
  readonly schema: S;
}

/** The bytes of a file of this media type, e.g. an .xlsx workbook. */
export interface FileContent {
  readonly kind: 'file';
  readonly contentType: string;
}

/**
 * multipart/form-data: a file, and JSON fields beside it (each a form part holding JSON). The
 * file may also come alone, as the whole body, of its own media type.
 */
export interface FormContent<F extends Record<string, JsonContent> = Record<string, JsonContent>> {
  readonly kind: 'form';
  readonly file: FileContent;
  readonly fields: F;
}

export type Content = JsonContent | FileContent | FormContent;

/** No body at all, e.g. 304 Not Modified. */
export interface NoContent {
  readonly kind: 'none';
}

/** What an answer holds: JSON, a file (a form is only ever sent), or nothing. */
export type ResponseContent = JsonContent | FileContent | NoContent;

/** A file part as a browser holds it (a File or Blob), without the DOM's types in shared/. */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const NO_CONTENT: NoContent = { kind: 'none' };

export function json<S extends z.ZodType>(schema: S): JsonContent<S> {
  return { kind: 'json', schema };
}

export const XLSX_FILE: FileContent = { kind: 'file', contentType: XLSX_CONTENT_TYPE };

/** A plan document as uploaded, .docx or PDF: sent as bytes, told apart by its bytes and not by its label. */
export const PLAN_FILE: FileContent = { kind: 'file', contentType: 'application/octet-stream' };

/** The largest plan document taken: a PDF embeds its fonts (a few hundred kB for a Chinese plan), far more than a JSON body needs. */
export const PLAN_FILE_MAX_BYTES = 5 * 1024 * 1024;

export function form<F extends Record<string, JsonContent>>(file: FileContent, fields: F): FormContent<F> {
  return { kind: 'form', file, fields };
}

/** The path parameters routes use: each `{name}` in a path is one of these. */
export const PATH_PARAMS = {
  park: z.string().meta({ description: 'Park code (园区代码), as in the catalogue.', example: 'jinshan' }),
  period: z.string().meta({ description: 'Reporting period (报告期): a year (年报) or a quarter (季报).', example: '2025Q3' }),
  year: z.string().meta({ description: 'A year, four digits.', example: '2025' }),
  version: z.string().meta({ description: 'A version number of the return, from 1.', example: '1' }),
  draft: z.string().meta({ description: 'The id of an onboarding draft (a plan under review).', example: '2f1c6a52-3c1e-4a7b-9d55-0c1f1b8f0e2a' }),
} as const;
export type PathParamName = keyof typeof PATH_PARAMS;

/** The query parameters routes read, each optional: its schema reads the text of the URL. */
export const QUERY_PARAMS = {
  limit: {
    description: `At most this many versions on the page (1-${VERSION_PAGE.max}; ${VERSION_PAGE.default} when absent).`,
    schema: z.coerce.number().int().min(1).max(VERSION_PAGE.max),
  },
  continuation: {
    description: 'The `next` token of the page before, as it came: the page of the versions below it.',
    schema: z.string().refine((token) => readVersionsCursor(token) !== null, 'a continuation token this API gave'),
  },
} as const;
export type QueryParamName = keyof typeof QUERY_PARAMS;

/** Request headers routes read. */
export const REQUEST_HEADERS = {
  'idempotency-key': {
    description:
      'Makes a retried submission safe: the same key and content answer the stored receipt (200) instead of storing it again. 1-128 of A-Z a-z 0-9 . _ : -',
    schema: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/),
  },
  'x-file-name': {
    description:
      'The uploaded file’s name, percent-encoded UTF-8 (encodeURIComponent), e.g. %E5%AE%9D%E5%B1%B1%E5%9B%AD.docx: kept with the draft as where its text came from.',
    schema: z.string().min(1).max(600),
  },
  'if-match': {
    description: 'The ETag of the document the change was made on (RFC 9110), or * for whatever is stored: a save over a document changed since is refused.',
    schema: z.string().max(200),
  },
  'x-client': { description: 'addin when the task pane sends it (recorded as the version source).', schema: z.enum(['addin']) },
  'if-none-match': {
    description: 'ETags the client holds (RFC 9110): when one is the current one, or *, the answer is 304 Not Modified without a body.',
    schema: z.string().max(4096),
  },
} as const;
export type RequestHeaderName = keyof typeof REQUEST_HEADERS;

/** Response headers routes send. */
export const RESPONSE_HEADERS = {
  etag: 'The version of what is answered, quoted: a template’s version, an onboarding draft’s ETag.',
  location: 'Where the stored document can be read.',
  'idempotent-replayed': 'true when an Idempotency-Key replayed a stored submission.',
  'content-disposition': 'attachment, with the file name in ASCII and in UTF-8 (RFC 5987).',
} as const;
export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

export interface ResponseSpec {
  readonly description: string;
  readonly content: ResponseContent;
  readonly headers?: readonly ResponseHeaderName[];
}

export type Tag = 'sign-in' | 'reference' | 'returns' | 'reviews' | 'periods' | 'zone' | 'catalogue' | 'documentation';

export interface RouteSpec {
  readonly method: HttpMethod;
  /** Under /api, OpenAPI syntax: `/returns/{park}/{period}`, `/templates/{park}/{period}.xlsx`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: Tag;
  /** Needs a signed-in user; anyone may call a route without. */
  readonly auth: boolean;
  readonly body?: Content;
  readonly headers?: readonly RequestHeaderName[];
  /** Query parameters it reads (QUERY_PARAMS), each optional. */
  readonly query?: readonly QueryParamName[];
  /** By success status. */
  readonly responses: { readonly [status: number]: ResponseSpec };
  /** Error codes of this route beyond those every route may answer (possibleErrors). */
  readonly errors: readonly ApiErrorCode[];
  /** A file route's own cap on its body, instead of the MAX_BODY_BYTES setting every other body has. */
  readonly maxBodyBytes?: number;
  /** Sending it again has the effect of sending it once (it stores nothing, or sets a state): a client may retry it. */
  readonly idempotent?: boolean;
}

/** A conditional GET's answer when the client's copy is current (If-None-Match). */
const NOT_MODIFIED = {
  description: 'Not Modified: If-None-Match named the current version (or *); no body.',
  content: NO_CONTENT,
  headers: ['etag'],
} as const satisfies ResponseSpec;

/** Answers of a route about one park's return: the park (404), the period (400), and the user's park (403). */
const PARK_SCOPE = ['unknown_park', 'invalid_period', 'forbidden_park'] as const satisfies readonly ApiErrorCode[];
const SUBMISSION = [
  'period_not_started',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'period_locked',
  'stale_template',
  'return_not_acceptable',
  'version_conflict',
] as const satisfies readonly ApiErrorCode[];

/** GET /api/openapi.json: the OpenAPI 3.1 document of this table. */
export const openApiDocumentSchema = named(
  'OpenApiDocument',
  z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
);

export const ROUTES = {
  getOpenApi: {
    method: 'GET',
    path: '/openapi.json',
    summary: 'This API described as OpenAPI 3.1',
    tag: 'documentation',
    auth: false,
    responses: { 200: { description: 'The OpenAPI document, generated from the route table.', content: json(openApiDocumentSchema) } },
    errors: [],
  },
  getAuthInfo: {
    method: 'GET',
    path: '/auth-info',
    summary: 'How this API signs people in',
    description: 'Needs no sign-in: the pane offers the demo-token field only when `devTokens` says the API runs in local development mode.',
    tag: 'sign-in',
    auth: false,
    responses: { 200: { description: 'The sign-in mode.', content: json(authInfoResponseSchema) } },
    errors: [],
  },
  getMe: {
    method: 'GET',
    path: '/me',
    summary: 'Who the signed-in user is here: name, role, park and how they signed in',
    description:
      'Roles and park come from the app roles of the Entra ID token (statistician | reviewer | consolidator, park.<code>); a user with none answers 403 with whom to ask (no_app_role, no_park, park_not_in_catalogue, ambiguous_assignment).',
    tag: 'sign-in',
    auth: true,
    responses: { 200: { description: 'The caller.', content: json(meResponseSchema) } },
    errors: [],
  },
  getParks: {
    method: 'GET',
    path: '/parks',
    summary: 'The parks of the zone',
    tag: 'reference',
    auth: true,
    responses: { 200: { description: 'The zone and its parks, as the catalogue has them.', content: json(parksResponseSchema) } },
    errors: [],
  },
  getCatalogue: {
    method: 'GET',
    path: '/catalogue',
    summary: 'The catalogue: parks, indicators, targets (with their quotes) and wordings',
    tag: 'reference',
    auth: true,
    responses: { 200: { description: 'The catalogue.', content: json(catalogueDocumentSchema) } },
    errors: [],
  },
  getTemplate: {
    method: 'GET',
    path: '/templates/{park}/{period}',
    summary: "A park's template for a period",
    description: 'The fields, targets, previous values, baselines and rules; `version` (also the ETag) is its content hash.',
    tag: 'returns',
    auth: true,
    headers: ['if-none-match'],
    responses: { 200: { description: 'The template model.', content: json(templateModelSchema), headers: ['etag'] }, 304: NOT_MODIFIED },
    errors: PARK_SCOPE,
  },
  getTemplateXlsx: {
    method: 'GET',
    path: '/templates/{park}/{period}.xlsx',
    summary: "A park's template as an .xlsx workbook (offline and WPS use)",
    description: 'The same layout the add-in writes; ETag is the template version.',
    tag: 'returns',
    auth: true,
    headers: ['if-none-match'],
    responses: { 200: { description: 'The template workbook.', content: XLSX_FILE, headers: ['etag', 'content-disposition'] }, 304: NOT_MODIFIED },
    errors: PARK_SCOPE,
  },
  validateReturn: {
    method: 'POST',
    path: '/returns/{park}/{period}/validate',
    summary: 'Validate figures (stores nothing)',
    description: "Validates against the server's current template and says whether the client's template is stale and whether the period is locked.",
    tag: 'returns',
    auth: true,
    body: json(returnInputSchema),
    responses: { 200: { description: 'The validation.', content: json(validateResponseSchema) } },
    errors: [...PARK_SCOPE, 'period_not_started'],
    idempotent: true,
  },
  submitReturn: {
    method: 'POST',
    path: '/returns/{park}/{period}',
    summary: 'Submit a return (报送)',
    description: "Checked on the server's own template and rules; one new version is appended.",
    tag: 'returns',
    auth: true,
    body: json(returnInputSchema),
    headers: ['idempotency-key', 'x-client'],
    responses: {
      201: { description: 'The receipt of the new version.', content: json(receiptSchema), headers: ['location'] },
      200: {
        description: 'The receipt of the version an Idempotency-Key already stored.',
        content: json(receiptSchema),
        headers: ['location', 'idempotent-replayed'],
      },
    },
    errors: [...PARK_SCOPE, ...SUBMISSION],
  },
  uploadReturnXlsx: {
    method: 'POST',
    path: '/returns/{park}/{period}/upload',
    summary: 'Submit a filled template workbook (.xlsx)',
    description:
      'The workbook as the whole body (any content type: the bytes are checked, not the label), or as the `file` of a form whose `explanations` part adds explanations (说明) written in the task pane to those of the file. Checked before it is unzipped (an .xls/.et or .ods is told apart), read against the current template (columns inserted, rows sorted: said once), validated like any submission (each issue naming row, indicator and column), and kept once accepted.',
    tag: 'returns',
    auth: true,
    body: form(XLSX_FILE, {
      explanations: json(explanationsSchema.meta({ description: 'Explanations (说明) by issue key or `field:<key>`, added to the file’s.' })),
    }),
    headers: ['idempotency-key'],
    responses: {
      201: { description: 'The receipt, and the blob keeping the workbook as sent.', content: json(uploadReceiptSchema), headers: ['location'] },
      200: {
        description: 'The receipt of the upload an Idempotency-Key already stored.',
        content: json(uploadReceiptSchema),
        headers: ['location', 'idempotent-replayed'],
      },
    },
    errors: [...PARK_SCOPE, ...SUBMISSION, ...UPLOAD_REFUSAL_CODES],
  },
  saveDraft: {
    method: 'PUT',
    path: '/returns/{park}/{period}/draft',
    summary: 'Keep the sheet as a server draft (草稿)',
    description: 'Checked for shape and types only; each save is a new draft record, never a version.',
    tag: 'returns',
    auth: true,
    body: json(returnInputSchema),
    responses: { 200: { description: 'When and what was saved.', content: json(draftReceiptSchema), headers: ['location'] } },
    errors: [...PARK_SCOPE, 'period_not_started', 'period_locked', 'draft_conflict'],
  },
  getDraft: {
    method: 'GET',
    path: '/returns/{park}/{period}/draft',
    summary: 'The newest server draft',
    tag: 'returns',
    auth: true,
    responses: { 200: { description: 'The draft.', content: json(returnDraftSchema) } },
    errors: [...PARK_SCOPE, 'draft_not_found'],
  },
  getReturn: {
    method: 'GET',
    path: '/returns/{park}/{period}',
    summary: 'A return: its state, the latest version, and its versions and reviews a page at a time',
    description:
      'A return never submitted answers 200 with `latest: null`. The versions come a page at a time, the newest first: `limit` of them, and `next`, the continuation token of the older ones (send it back as `continuation`).',
    tag: 'returns',
    auth: true,
    query: ['limit', 'continuation'],
    responses: { 200: { description: 'The return.', content: json(returnResponseSchema) } },
    errors: [...PARK_SCOPE, 'invalid_query'],
  },
  getReturnVersion: {
    method: 'GET',
    path: '/returns/{park}/{period}/versions/{version}',
    summary: 'One stored version, exactly as stored',
    tag: 'returns',
    auth: true,
    responses: { 200: { description: 'The version.', content: json(returnVersionSchema) } },
    errors: [...PARK_SCOPE, 'invalid_version', 'version_not_found'],
  },
  reviewReturn: {
    method: 'POST',
    path: '/returns/{park}/{period}/review',
    summary: 'Approve (审核通过) or return (退回) the latest version',
    description: 'Only the latest version, once; returning it needs a comment.',
    tag: 'reviews',
    auth: true,
    body: json(reviewInputSchema),
    responses: { 201: { description: 'The review.', content: json(reviewSchema) } },
    errors: [...PARK_SCOPE, 'review_comment_required', 'return_not_found', 'version_not_found', 'review_not_latest', 'review_not_pending', 'version_conflict'],
  },
  getStatus: {
    method: 'GET',
    path: '/status/{period}',
    summary: "Each park's state for a period (填报状态)",
    description: 'The consolidator sees every park; a park’s own users see their park only.',
    tag: 'periods',
    auth: true,
    responses: { 200: { description: 'The states.', content: json(statusResponseSchema) } },
    errors: ['invalid_period'],
  },
  lockPeriod: {
    method: 'POST',
    path: '/periods/{period}/lock',
    summary: 'Lock a period: no more submissions, uploads or drafts',
    tag: 'periods',
    auth: true,
    responses: { 200: { description: "The period's lock state now.", content: json(lockResponseSchema) } },
    errors: ['invalid_period', 'lock_conflict'],
    idempotent: true,
  },
  unlockPeriod: {
    method: 'POST',
    path: '/periods/{period}/unlock',
    summary: 'Unlock a period: accept submissions again',
    tag: 'periods',
    auth: true,
    responses: { 200: { description: "The period's lock state now.", content: json(lockResponseSchema) } },
    errors: ['invalid_period', 'lock_conflict'],
    idempotent: true,
  },
  getConsolidation: {
    method: 'GET',
    path: '/consolidation/{period}',
    summary: "The zone's consolidation (汇总) of the latest accepted versions",
    tag: 'zone',
    auth: true,
    responses: { 200: { description: 'The consolidation.', content: json(consolidationDocumentSchema) } },
    errors: ['invalid_period'],
  },
  getConsolidationXlsx: {
    method: 'GET',
    path: '/consolidation/{period}.xlsx',
    summary: 'The consolidated workbook (汇总表)',
    tag: 'zone',
    auth: true,
    responses: { 200: { description: 'The workbook.', content: XLSX_FILE, headers: ['content-disposition'] } },
    errors: ['invalid_period'],
  },
  getEvaluation: {
    method: 'GET',
    path: '/evaluation/{year}',
    summary: 'The annual evaluation (年度评估) of every target',
    tag: 'zone',
    auth: true,
    responses: { 200: { description: 'The evaluation.', content: json(yearEvaluationSchema) } },
    errors: ['invalid_year'],
  },
  getEvaluationXlsx: {
    method: 'GET',
    path: '/evaluation/{year}.xlsx',
    summary: 'The annual evaluation workbook, with a chart per park',
    tag: 'zone',
    auth: true,
    responses: { 200: { description: 'The workbook.', content: XLSX_FILE, headers: ['content-disposition'] } },
    errors: ['invalid_year'],
  },
  extractTargets: {
    method: 'POST',
    path: '/extract',
    summary: 'Target proposals found in a plan, notice or news text (stores nothing)',
    description:
      'Each proposal gives its value and reading, kind, comparison, year and where the year was found, ' +
      'the reasons it is a target and not a past result, a confidence to sort by, the baseline found beside it, ' +
      'and the catalogue indicator it most likely maps to, for a person to confirm.',
    tag: 'zone',
    auth: true,
    body: json(extractTargetsRequestSchema),
    responses: { 200: { description: 'The proposals, in text order.', content: json(extractTargetsResponseSchema) } },
    errors: [],
  },
  getCatalogueHistory: {
    method: 'GET',
    path: '/catalogue/versions',
    summary: 'Every catalogue version: who published it, when and why (the audit list)',
    tag: 'catalogue',
    auth: true,
    responses: { 200: { description: 'The versions, oldest first, and the version in force.', content: json(catalogueHistorySchema) } },
    errors: [],
  },
  startOnboarding: {
    method: 'POST',
    path: '/onboarding',
    summary: 'Start onboarding a plan: its text read, targets proposed, a review draft kept on the server',
    description:
      'The extractor proposes the plan’s targets against the catalogue in force; the plan’s head gives title, number, date, period and draft status. ' +
      'The draft keeps the text, so every quote the review accepts can be checked against it. A text with no quantified target is refused (plan_no_targets).',
    tag: 'catalogue',
    auth: true,
    body: json(planUploadSchema),
    responses: { 201: { description: 'The new draft.', content: json(onboardingDraftSchema), headers: ['location', 'etag'] } },
    errors: ['plan_no_targets'],
  },
  startOnboardingFile: {
    method: 'POST',
    path: '/onboarding/file',
    summary: 'Start onboarding a plan from its document: a .docx, or a PDF with a text layer',
    description:
      'The body is the file as it is (any content type: the bytes tell a .docx from a PDF), at most 5 MB; its name in X-File-Name. Its text is read on the server (a .docx once its zip passed the same ' +
      'part, size and expansion limits as a return workbook; a PDF page by page, lines broken inside a sentence joined again) and then handled as startOnboarding. ' +
      'A PDF without text (a scan) is plan_no_text; a password-protected file plan_encrypted; a damaged one plan_file_corrupt; anything else plan_unreadable.',
    tag: 'catalogue',
    auth: true,
    body: PLAN_FILE,
    maxBodyBytes: PLAN_FILE_MAX_BYTES,
    headers: ['x-file-name'],
    responses: { 201: { description: 'The new draft.', content: json(onboardingDraftSchema), headers: ['location', 'etag'] } },
    errors: ['plan_no_targets', 'plan_no_text', 'plan_unreadable', 'plan_encrypted', 'plan_file_corrupt', 'plan_file_too_large', 'plan_file_unsafe'],
  },
  getOnboarding: {
    method: 'GET',
    path: '/onboarding/{draft}',
    summary: 'An onboarding draft: the plan text, the proposals, the review and what keeps it from publishing',
    tag: 'catalogue',
    auth: true,
    responses: { 200: { description: 'The draft.', content: json(onboardingDraftSchema), headers: ['etag'] } },
    errors: ['onboarding_not_found'],
  },
  saveOnboarding: {
    method: 'PUT',
    path: '/onboarding/{draft}',
    summary: 'Keep the review as it stands (accepted, edited, rejected proposals; the plan; new indicators)',
    description:
      'Stored whatever its state; the answer lists what still keeps it from being published. Only over the draft the reviewer read: If-Match its ETag ' +
      '(428 onboarding_if_match_required without; 412 onboarding_changed, naming who saved it since, when it changed: nothing is overwritten).',
    tag: 'catalogue',
    auth: true,
    body: json(onboardingReviewDocumentSchema),
    headers: ['if-match'],
    responses: { 200: { description: 'The draft as saved, with its issues.', content: json(onboardingDraftSchema), headers: ['etag'] } },
    errors: ['onboarding_not_found', 'onboarding_if_match_required', 'onboarding_changed'],
    idempotent: true,
  },
  publishOnboarding: {
    method: 'POST',
    path: '/onboarding/{draft}/publish',
    summary: 'Publish the reviewed plan as a new catalogue version',
    description:
      'Only a review without issues (422 onboarding_not_publishable lists them). The new version is appended and the head moved under its ETag: ' +
      'if someone published since the draft was made, nothing is stored and 409 catalogue_conflict says so. With If-Match, only the draft as the publisher saved it (412 onboarding_changed when someone saved it since).',
    tag: 'catalogue',
    auth: true,
    body: json(publishRequestSchema),
    headers: ['if-match'],
    responses: { 201: { description: 'The version published.', content: json(publishResultSchema) } },
    errors: ['onboarding_not_found', 'onboarding_not_publishable', 'catalogue_conflict', 'onboarding_changed'],
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];
export type RouteOf<N extends RouteName> = (typeof ROUTES)[N];

type ParamNamesOf<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNamesOf<Rest> : never;

/** The path parameters of a route, by name: `{ park: string; period: string }`. */
export type RouteParams<N extends RouteName> = { [K in ParamNamesOf<RouteOf<N>['path']>]: string };

type QueryNamesOf<N extends RouteName> = RouteOf<N> extends { query: readonly (infer Q extends QueryParamName)[] } ? Q : never;

/** The query parameters of a route as a client sends them (each optional). */
export type RouteQueryInput<N extends RouteName> = { [K in QueryNamesOf<N>]?: string | number };

/** The query parameters of a route as its handler reads them, after their schemas. */
export type RouteQuery<N extends RouteName> = { [K in QueryNamesOf<N>]?: z.output<(typeof QUERY_PARAMS)[K]['schema']> };

/** What a body or response of this content is: the schema's type for JSON, bytes for a file, nothing (never) for no content. */
type ContentValue<C, Bytes> = C extends JsonContent<infer S> ? z.output<S> : C extends FileContent ? Bytes : never;

/** The statuses of a route's answers without a body (304). */
export type NoContentStatus<N extends RouteName> = {
  [S in RouteStatus<N>]: RouteOf<N>['responses'][S] extends { content: NoContent } ? S : never;
}[RouteStatus<N>];

/** The body of a route's request as the handler reads it (after its schema), or undefined. */
export type RouteBody<N extends RouteName> = RouteOf<N> extends { body: JsonContent<infer S> } ? z.output<S> : undefined;

/** The body a client sends (the schema's input type), or undefined. */
export type RouteBodyInput<N extends RouteName> =
  RouteOf<N> extends { body: JsonContent<infer S> }
    ? z.input<S>
    : RouteOf<N> extends { body: FileContent }
      ? Uint8Array
      : RouteOf<N> extends { body: FormContent<infer F> }
        ? { file: BlobLike | Uint8Array<ArrayBuffer> } & { [K in keyof F]?: F[K] extends JsonContent<infer S> ? z.input<S> : never }
        : undefined;

export type RouteStatus<N extends RouteName> = keyof RouteOf<N>['responses'] & number;

/** The body of one of a route's answers: `Bytes` for a file (Uint8Array on the server, ArrayBuffer in a browser). */
export type RouteResponse<N extends RouteName, S extends RouteStatus<N> = RouteStatus<N>, Bytes = Uint8Array> =
  S extends RouteStatus<N> ? (RouteOf<N>['responses'][S] extends { content: infer C } ? ContentValue<C, Bytes> : never) : never;

/** Every route may answer these: who calls (when it needs a user), a malformed JSON body (when it takes one), and faults. */
export const SIGNED_IN_ERRORS = [...SIGN_IN_REFUSAL_CODES, 'forbidden_role'] as const satisfies readonly ApiErrorCode[];
export const JSON_BODY_ERRORS = ['unsupported_media_type', 'malformed_json', 'body_too_large', 'invalid_body'] as const satisfies readonly ApiErrorCode[];
export const FORM_BODY_ERRORS = ['malformed_form', 'invalid_body'] as const satisfies readonly ApiErrorCode[];
export const FAULT_ERRORS = ['storage_unavailable', 'internal_error'] as const satisfies readonly ApiErrorCode[];

/** What a request no route of the table serves is answered: its path matches none, or matches only routes of other methods. */
export const UNROUTED_ERRORS = { noPath: 'route_not_found', wrongMethod: 'method_not_allowed' } as const satisfies Record<string, ApiErrorCode>;

/** Every error code a route may answer. */
export function possibleErrors(route: RouteSpec): ApiErrorCode[] {
  return [
    ...(route.auth ? SIGNED_IN_ERRORS : []),
    ...(route.body?.kind === 'json' ? JSON_BODY_ERRORS : route.body?.kind === 'form' ? FORM_BODY_ERRORS : []),
    ...route.errors,
    ...FAULT_ERRORS,
  ].filter((code, i, all) => all.indexOf(code) === i);
}

/** The names of a path's parameters, in order: `/returns/{park}/{period}` → park, period. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The path of a request to the route (under /api), each parameter URL-encoded, with the query parameters given. */
export function routePath<N extends RouteName>(name: N, params: RouteParams<N>, query: RouteQueryInput<N> = {}): string {
  const values = params as Record<string, string>;
  const path = ROUTES[name].path.replace(/\{(\w+)\}/g, (_, param: string) => {
    const value = values[param];
    if (value === undefined) throw new Error(`route ${name}: parameter ${param} missing`);
    return encodeURIComponent(value);
  });
  const search = Object.entries(query as Record<string, unknown>)
    .flatMap(([k, v]) => (v === undefined ? [] : [`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`]))
    .join('&');
  return search ? `${path}?${search}` : path;
}

/**
 * Reads the query parameters a route declares from a request's (others are ignored). Every
 * problem is listed as a body_field_invalid issue with the parameter's name. Never throws.
 */
export function parseQuery<N extends RouteName>(name: N, search: { get(name: string): string | null }): BodyResult<RouteQuery<N>> {
  const out: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const param of (ROUTES[name] as RouteSpec).query ?? []) {
    const raw = search.get(param);
    if (raw === null) continue;
    const parsed = parseBody(QUERY_PARAMS[param].schema, raw);
    if (parsed.ok) out[param] = parsed.value;
    else issues.push(...parsed.issues.map((i) => makeIssue('body_field_invalid', 'error', param, { ...i.params, field: param })));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out as RouteQuery<N> };
}

export type BodyResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/**
 * Checks a JSON body with its schema. Every problem is listed as a body_field_invalid issue with
 * the path of its field ("figures.rd_expenditure", "(body)" for the body itself) and what was
 * expected there. Every text of the body, keys included, must be well-formed Unicode: JSON lets
 * a client send half a character ("\ud800"), which no storage, hash or workbook can take, so it
 * is refused here, once for every route and field. Never throws.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): BodyResult<z.output<S>> {
  const broken = illFormedTextPaths(body);
  const parsed = schema.safeParse(body);
  if (parsed.success && broken.length === 0) return { ok: true, value: parsed.data };
  const issue = (field: string, expected: string) => makeIssue('body_field_invalid', 'error', field, { field, expected });
  const issues = broken.map((field) => issue(field, 'well-formed text (a lone UTF-16 surrogate is half a character)'));
  for (const problem of parsed.success ? [] : parsed.error.issues) {
    const field = fieldOf(problem.path);
    if (!broken.includes(field)) issues.push(issue(field, expected(problem)));
  }
  return { ok: false, issues };
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** The field path of a body's value: "figures.a", "(body)"; a lone surrogate in a key shown as U+FFFD. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(body)' : path.map((key) => String(key).replace(LONE_SURROGATES, '\ufffd')).join('.');
}

/** The paths of the strings of a JSON value, and of the keys, that hold a lone surrogate. */
function illFormedTextPaths(value: unknown, path: readonly PropertyKey[] = []): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [fieldOf(path)] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    return LONE_SURROGATE.test(key) ? [fieldOf(at)] : illFormedTextPaths(inner, at);
  });
}

/** What a field should have been, as a short technical phrase (the message says where). */
function expected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'record' ? 'object' : issue.expected === 'int' ? 'integer' : issue.expected;
    case 'invalid_union': {
      const branches = issue.errors.map((branch) => (branch[0]?.code === 'invalid_type' ? branch[0].expected : null));
      return branches.every((b) => b !== null) ? [...new Set(branches)].join(' | ') : issue.message;
    }
    case 'invalid_value':
      return issue.values.map((v) => JSON.stringify(v)).join(' | ');
    case 'too_small':
      return issue.origin === 'string'
        ? `text of at least ${issue.minimum} characters`
        : issue.origin === 'number'
          ? `a number ≥ ${issue.minimum}`
          : issue.message;
    case 'too_big':
      return issue.origin === 'string'
        ? `text of at most ${issue.maximum} characters`
        : issue.origin === 'number'
          ? `a number ≤ ${issue.maximum}`
          : issue.message;
    case 'invalid_format':
      return issue.format === 'regex' ? `text matching ${issue.pattern ?? 'its pattern'}` : issue.format;
    default:
      return issue.message;
  }
}

// Every `{param}` of every path is one of PATH_PARAMS: a route naming another is misuse.
for (const [name, route] of Object.entries(ROUTES)) {
  for (const param of pathParamNames(route.path)) {
    if (!(param in PATH_PARAMS)) throw new Error(`route ${name}: path parameter {${param}} is not in PATH_PARAMS`);
  }
}
