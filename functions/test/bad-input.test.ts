import { loadCatalogue, type ReturnInput } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, TEST_MAX_BODY_BYTES, type CallOptions, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';
import { fillTemplateWorkbook } from '../src/demo/fill-template-workbook.js';
import { checkXlsxZip } from '../src/workbooks/check-xlsx-zip.js';
import { withActiveXControl, withExternalLink, withOleObject, withPadding, withVbaProject } from '../src/workbooks/__fixtures__/tamper-xlsx.js';

/**
 * Bad input, one row each: the 4xx status, the stable code, a message in zh-CN and en, and
 * nothing stored (the versions, reviews and newest draft of the park's return are the same
 * before and after).
 */
const catalogue = loadCatalogue();
const PARK = catalogue.parks[0]!.code;
const PERIOD = '2025Q1';
const LOCKED = '2023Q2';
const FUTURE = '2099Q4';
const FIRST_FIELD = () => Object.keys(valid.figures)[0]!;

let h: Harness;
let base: string;
let valid: ReturnInput;
let validLocked: ReturnInput;
let futureWorkbook: Uint8Array;
let filledWorkbook: Uint8Array;
const tampered: { externalLink: Uint8Array } = { externalLink: new Uint8Array(0) };
const stat = () => h.tokens[`${PARK}-statistician`]!;
const reviewer = () => h.tokens[`${PARK}-reviewer`]!;

interface BadCase {
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  path: () => string;
  options: () => CallOptions;
  status: number;
  code: string;
  /** Codes that must be among error.issues. */
  issues?: string[];
  /** The return whose versions and reviews must not change. */
  watch?: () => { park: string; period: string };
}

const submit = (options: () => CallOptions, rest: Omit<BadCase, 'method' | 'path' | 'options'>): BadCase => ({
  method: 'POST',
  path: () => `/returns/${PARK}/${PERIOD}`,
  options: () => ({ token: stat(), ...options() }),
  ...rest,
});
const saveDraft = (options: () => CallOptions, rest: Omit<BadCase, 'method' | 'path' | 'options'>): BadCase => ({
  method: 'PUT',
  path: () => `/returns/${PARK}/${PERIOD}/draft`,
  options: () => ({ token: stat(), ...options() }),
  ...rest,
});
const withFigures = (change: (f: ReturnInput['figures']) => void) => () => {
  const figures = { ...valid.figures };
  change(figures);
  return { json: { ...valid, figures } };
};

const CASES: BadCase[] = [
  submit(() => ({ raw: { body: '{"templateVersion": ', contentType: 'application/json' } }), { label: 'malformed JSON', status: 400, code: 'malformed_json' }),
  submit(() => ({ raw: { body: '', contentType: 'application/json' } }), { label: 'empty body', status: 400, code: 'malformed_json' }),
  submit(() => ({ raw: { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), contentType: 'application/json' } }), {
    label: 'body not UTF-8',
    status: 400,
    code: 'malformed_json',
  }),
  submit(() => ({ raw: { body: JSON.stringify(valid), contentType: 'text/plain' } }), {
    label: 'wrong content type (text/plain)',
    status: 415,
    code: 'unsupported_media_type',
  }),
  submit(() => ({ raw: { body: 'templateVersion=x', contentType: 'application/x-www-form-urlencoded' } }), {
    label: 'form-encoded body',
    status: 415,
    code: 'unsupported_media_type',
  }),
  submit(() => ({ raw: { body: JSON.stringify(valid) } }), { label: 'no content type', status: 415, code: 'unsupported_media_type' }),
  submit(() => ({ json: { ...valid, explanations: { padding: 'x'.repeat(TEST_MAX_BODY_BYTES) } } }), {
    label: 'body over the limit',
    status: 413,
    code: 'body_too_large',
  }),
  {
    label: 'unknown park',
    method: 'POST',
    path: () => `/returns/atlantis/${PERIOD}`,
    options: () => ({ token: h.tokens['zone-consolidator']!, json: valid }),
    status: 404,
    code: 'unknown_park',
  },
  submit(() => ({ json: valid }), { label: 'malformed period 2025Q5', status: 400, code: 'invalid_period' }),
  submit(() => ({ json: valid }), { label: 'year out of range 1999', status: 400, code: 'invalid_period', issues: ['period_year_out_of_range'] }),
  {
    label: 'locked period',
    method: 'POST',
    path: () => `/returns/${PARK}/${LOCKED}`,
    options: () => ({ token: stat(), json: validLocked }),
    status: 423,
    code: 'period_locked',
    watch: () => ({ park: PARK, period: LOCKED }),
  },
  submit(() => ({ json: { ...valid, templateVersion: '0'.repeat(64) } }), { label: 'stale template version', status: 409, code: 'stale_template' }),
  submit(() => ({ json: { ...valid, figures: [1, 2, 3] } }), {
    label: 'figures is an array',
    status: 400,
    code: 'invalid_body',
    issues: ['body_field_invalid'],
  }),
  submit(() => ({ json: { ...valid, templateVersion: 42 } }), { label: 'templateVersion is a number', status: 400, code: 'invalid_body' }),
  submit(
    withFigures((f) => (f[FIRST_FIELD()] = { value: 1 } as never)),
    { label: 'a figure is an object', status: 400, code: 'invalid_body' },
  ),
  submit(
    withFigures((f) => (f[FIRST_FIELD()] = true as never)),
    { label: 'a figure is a boolean', status: 400, code: 'invalid_body' },
  ),
  submit(() => ({ json: { ...valid, explanations: { a: 1 } } }), { label: 'an explanation is not text', status: 400, code: 'invalid_body' }),
  submit(() => ({ json: [valid] }), { label: 'body is an array', status: 400, code: 'invalid_body' }),
  submit(() => ({ json: null }), { label: 'body is null', status: 400, code: 'invalid_body' }),
  submit(() => ({ json: { figures: valid.figures } }), { label: 'templateVersion missing', status: 400, code: 'invalid_body' }),
  submit(
    withFigures((f) => (f[FIRST_FIELD()] = 'abc')),
    { label: 'text in a number cell', status: 422, code: 'return_not_acceptable' },
  ),
  submit(
    withFigures((f) => (f[FIRST_FIELD()] = -5)),
    { label: 'a negative amount', status: 422, code: 'return_not_acceptable' },
  ),
  submit(
    withFigures((f) => (f.no_such_indicator = 1)),
    { label: 'an unknown field', status: 422, code: 'return_not_acceptable', issues: ['field_unknown'] },
  ),
  submit(
    withFigures((f) => (f[FIRST_FIELD()] = null)),
    { label: 'a required figure left blank', status: 422, code: 'return_not_acceptable', issues: ['value_missing'] },
  ),
  submit(
    withFigures((f) => (f[FIRST_FIELD()] = '无')),
    { label: 'a warning without explanation', status: 422, code: 'return_not_acceptable', issues: ['value_declared_none'] },
  ),
  submit(() => ({ json: valid, headers: { 'idempotency-key': 'has spaces and /' } }), {
    label: 'malformed Idempotency-Key',
    status: 400,
    code: 'invalid_idempotency_key',
  }),
  {
    label: 'validate with malformed JSON',
    method: 'POST',
    path: () => `/returns/${PARK}/${PERIOD}/validate`,
    options: () => ({ token: stat(), raw: { body: '{', contentType: 'application/json' } }),
    status: 400,
    code: 'malformed_json',
  },
  ...(
    [
      ['review decision not approve/return', { version: 1, decision: 'maybe' }, 400, 'invalid_body'],
      ['review version as text', { version: '1', decision: 'approve' }, 400, 'invalid_body'],
      ['review return without comment', { version: 1, decision: 'return', comment: '  ' }, 400, 'review_comment_required'],
      ['review of a version that does not exist', { version: 9, decision: 'approve' }, 404, 'version_not_found'],
    ] as const
  ).map(
    ([label, json, status, code]): BadCase => ({
      label,
      method: 'POST',
      path: () => `/returns/${PARK}/${PERIOD}/review`,
      options: () => ({ token: reviewer(), json }),
      status,
      code,
    }),
  ),
  submit(() => ({ json: { ...valid, explanations: { ...valid.explanations, 'change_beyond_band@figures.no_such_field': '旧提示的说明' } } }), {
    label: 'an explanation keyed to no issue and no indicator',
    status: 422,
    code: 'return_not_acceptable',
    issues: ['explanation_unmatched'],
  }),
  // A period that has not begun takes no return yet: submissions, uploads, drafts, validation.
  submit(() => ({ json: valid }), {
    label: 'a period not begun (2099Q4)',
    status: 409,
    code: 'period_not_started',
    watch: () => ({ park: PARK, period: FUTURE }),
  }),
  saveDraft(() => ({ json: valid }), {
    label: 'draft: a period not begun (2099Q4)',
    status: 409,
    code: 'period_not_started',
    watch: () => ({ park: PARK, period: FUTURE }),
  }),
  {
    label: 'validate: a period not begun (2099Q4)',
    method: 'POST',
    path: () => `/returns/${PARK}/${FUTURE}/validate`,
    options: () => ({ token: stat(), json: valid }),
    status: 409,
    code: 'period_not_started',
  },
  {
    label: 'upload: a period not begun (2099Q4), its own template workbook',
    method: 'POST',
    path: () => `/returns/${PARK}/${FUTURE}/upload`,
    options: () => ({ token: stat(), raw: { body: futureWorkbook, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    status: 409,
    code: 'period_not_started',
    watch: () => ({ park: PARK, period: FUTURE }),
  },
  // A filled return (as the pane's template workbook, filled by exceljs) with one part added
  // that a return never has; or saved by LibreOffice with a figure linked to another workbook.
  ...(
    [
      ['upload: a figure linked to another workbook (saved by LibreOffice)', () => tampered.externalLink, 422, 'upload_external_links'],
      ['upload: macros (a VBA project) in a workbook named .xlsx', () => withVbaProject(filledWorkbook), 422, 'upload_vba_project'],
      ['upload: an ActiveX control', () => withActiveXControl(filledWorkbook), 422, 'upload_embedded_objects'],
      ['upload: an embedded OLE object', () => withOleObject(filledWorkbook), 422, 'upload_embedded_objects'],
      ['upload: a part that expands a thousand to one (8 MB of blanks)', () => withPadding(filledWorkbook, 8), 413, 'upload_compression_too_high'],
    ] as const
  ).map(
    ([label, body, status, code]): BadCase => ({
      label,
      method: 'POST',
      path: () => `/returns/${PARK}/${PERIOD}/upload`,
      options: () => ({ token: stat(), raw: { body: body(), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
      status,
      code,
    }),
  ),
  // A lone UTF-16 surrogate (half of a character, as a broken client or a cut string sends it:
  // JSON allows "\ud800") is no text: refused as the field it is in, never a 500.
  submit(
    withFigures((f) => (f[FIRST_FIELD()] = '12\ud800')),
    { label: 'a lone surrogate in a figure', status: 400, code: 'invalid_body', issues: ['body_field_invalid'] },
  ),
  submit(
    withFigures((f) => (f['bad\udc00key'] = 1)),
    { label: 'a lone surrogate in a figure’s key', status: 400, code: 'invalid_body', issues: ['body_field_invalid'] },
  ),
  submit(() => ({ json: { ...valid, explanations: { note: '增长原因\ud83d' } } }), {
    label: 'a lone surrogate in an explanation',
    status: 400,
    code: 'invalid_body',
  }),
  submit(() => ({ json: { ...valid, templateVersion: `${valid.templateVersion}\udfff` } }), {
    label: 'a lone surrogate in templateVersion',
    status: 400,
    code: 'invalid_body',
  }),
  {
    label: 'validate: a lone surrogate in a baseline',
    method: 'POST',
    path: () => `/returns/${PARK}/${PERIOD}/validate`,
    options: () => ({ token: stat(), json: { ...valid, baselines: { x: '\ud800' } } }),
    status: 400,
    code: 'invalid_body',
  },
  saveDraft(() => ({ json: { ...valid, explanations: { note: '\udc00说明' } } }), {
    label: 'draft: a lone surrogate in an explanation',
    status: 400,
    code: 'invalid_body',
  }),
  {
    label: 'review: a lone surrogate in the comment',
    method: 'POST',
    path: () => `/returns/${PARK}/${PERIOD}/review`,
    options: () => ({ token: reviewer(), json: { version: 1, decision: 'return', comment: '请核对\ud800' } }),
    status: 400,
    code: 'invalid_body',
  },
  {
    label: 'extract: a lone surrogate in the plan text',
    method: 'POST',
    path: () => '/extract',
    options: () => ({ token: h.tokens['zone-consolidator']!, json: { text: '到2026年,营业收入达到500亿元\ud800' } }),
    status: 400,
    code: 'invalid_body',
  },
  // A draft is checked for shape and types only (incomplete figures are fine), and a locked period refuses it.
  saveDraft(() => ({ raw: { body: '{"figures": {', contentType: 'application/json' } }), {
    label: 'draft: malformed JSON',
    status: 400,
    code: 'malformed_json',
  }),
  saveDraft(() => ({ raw: { body: JSON.stringify(valid), contentType: 'text/plain' } }), {
    label: 'draft: wrong content type',
    status: 415,
    code: 'unsupported_media_type',
  }),
  saveDraft(() => ({ json: { ...valid, explanations: { padding: 'x'.repeat(TEST_MAX_BODY_BYTES) } } }), {
    label: 'draft: body over the limit',
    status: 413,
    code: 'body_too_large',
  }),
  saveDraft(() => ({ json: { ...valid, figures: [1, 2, 3] } }), {
    label: 'draft: figures is an array',
    status: 400,
    code: 'invalid_body',
    issues: ['body_field_invalid'],
  }),
  saveDraft(
    withFigures((f) => (f[FIRST_FIELD()] = true as never)),
    { label: 'draft: a figure is a boolean', status: 400, code: 'invalid_body' },
  ),
  saveDraft(() => ({ json: { figures: {} } }), { label: 'draft: templateVersion missing', status: 400, code: 'invalid_body' }),
  saveDraft(() => ({ json: { ...valid, baselines: 'none' } }), { label: 'draft: baselines not an object', status: 400, code: 'invalid_body' }),
  saveDraft(() => ({ json: valid }), { label: 'draft: unknown park', status: 404, code: 'unknown_park' }),
  saveDraft(() => ({ json: valid }), { label: 'draft: malformed period', status: 400, code: 'invalid_period' }),
  {
    label: 'draft: locked period',
    method: 'PUT',
    path: () => `/returns/${PARK}/${LOCKED}/draft`,
    options: () => ({ token: stat(), json: { templateVersion: validLocked.templateVersion, figures: {} } }),
    status: 423,
    code: 'period_locked',
    watch: () => ({ park: PARK, period: LOCKED }),
  },
  {
    label: 'draft never saved',
    method: 'GET',
    path: () => `/returns/${PARK}/${PERIOD}/draft`,
    options: () => ({ token: stat() }),
    status: 404,
    code: 'draft_not_found',
  },
  {
    label: 'version not a number',
    method: 'GET',
    path: () => `/returns/${PARK}/${PERIOD}/versions/abc`,
    options: () => ({ token: stat() }),
    status: 400,
    code: 'invalid_version',
  },
  {
    label: 'template of an unknown park',
    method: 'GET',
    path: () => `/templates/atlantis/${PERIOD}`,
    options: () => ({ token: h.tokens['zone-consolidator']! }),
    status: 404,
    code: 'unknown_park',
  },
  {
    label: 'template of a malformed period',
    method: 'GET',
    path: () => `/templates/${PARK}/Q3-2025`,
    options: () => ({ token: stat() }),
    status: 400,
    code: 'invalid_period',
  },
  {
    label: 'status of a malformed period',
    method: 'GET',
    path: () => '/status/2025-3',
    options: () => ({ token: stat() }),
    status: 400,
    code: 'invalid_period',
  },
  {
    label: 'lock of a malformed period',
    method: 'POST',
    path: () => '/periods/20x5/lock',
    options: () => ({ token: h.tokens['zone-consolidator']! }),
    status: 400,
    code: 'invalid_period',
  },
  {
    label: 'consolidation of a malformed period',
    method: 'GET',
    path: () => '/consolidation/2025Q0',
    options: () => ({ token: h.tokens['zone-consolidator']! }),
    status: 400,
    code: 'invalid_period',
  },
  {
    label: 'evaluation of a quarter, not a year',
    method: 'GET',
    path: () => '/evaluation/2025Q1',
    options: () => ({ token: h.tokens['zone-consolidator']! }),
    status: 400,
    code: 'invalid_year',
  },
];
// Paths that differ from the default submit path.
CASES.find((c) => c.label === 'malformed period 2025Q5')!.path = () => `/returns/${PARK}/2025Q5`;
CASES.find((c) => c.label === 'year out of range 1999')!.path = () => `/returns/${PARK}/1999`;
CASES.find((c) => c.label === 'draft: unknown park')!.path = () => `/returns/atlantis/${PERIOD}/draft`;
CASES.find((c) => c.label === 'draft: malformed period')!.path = () => `/returns/${PARK}/2025H1/draft`;
CASES.find((c) => c.label === 'a period not begun (2099Q4)')!.path = () => `/returns/${PARK}/${FUTURE}`;
CASES.find((c) => c.label === 'draft: a period not begun (2099Q4)')!.path = () => `/returns/${PARK}/${FUTURE}/draft`;

beforeAll(async () => {
  h = await startHarness();
  base = h.api.url;
  valid = await makeValidReturn(base, stat(), PARK, PERIOD);
  validLocked = await makeValidReturn(base, stat(), PARK, LOCKED);
  // A template may be fetched ahead (to prepare); the return is what waits for the period.
  const future = await call(base, 'getTemplateXlsx', { params: { park: PARK, period: FUTURE }, token: stat() });
  expect(future.status).toBe(200);
  futureWorkbook = future.body;
  // The return as a filled workbook, which the upload would accept, for the upload cases to tamper with.
  const template = (await call(base, 'getTemplate', { params: { park: PARK, period: PERIOD }, token: stat() })).body;
  const workbook = await call(base, 'getTemplateXlsx', { params: { park: PARK, period: PERIOD }, token: stat() });
  const notes = Object.fromEntries(Object.entries(valid.explanations ?? {}).map(([key, text]) => [key.replace(/^.*@figures\./, ''), text]));
  filledWorkbook = await fillTemplateWorkbook(workbook.body, template, valid.figures, valid.baselines as Record<string, number>, notes);
  expect((await checkXlsxZip(filledWorkbook)).ok).toBe(true);
  tampered.externalLink = await withExternalLink(filledWorkbook, template);
  expect((await call(base, 'submitReturn', { params: { park: PARK, period: PERIOD }, token: stat(), json: valid })).status).toBe(201);
  expect((await call(base, 'lockPeriod', { params: { period: LOCKED }, token: h.tokens['zone-consolidator']! })).status).toBe(200);
});
afterAll(async () => {
  await h?.stop();
});

async function stored(park: string, period: string): Promise<unknown> {
  const r = await call(base, 'getReturn', { params: { park, period }, token: h.tokens['zone-consolidator']! });
  expect(r.status).toBe(200);
  const draft = await call(base, 'getDraft', { params: { park, period }, token: h.tokens['zone-consolidator']! });
  return { versions: r.body.versions, reviews: r.body.reviews, state: r.body.state, draft: draft.status === 200 ? draft.body : draft.status };
}

describe(`bad input: ${CASES.length} cases`, () => {
  it.each(CASES)('$label → $status $code', async (c) => {
    const watch = c.watch?.() ?? { park: PARK, period: PERIOD };
    const before = await stored(watch.park, watch.period);
    const r = await call(base, c.method, c.path(), c.options());
    expect(r.status, JSON.stringify(r.body)).toBe(c.status);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.error?.code).toBe(c.code);
    expect(r.error?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(r.error?.message.en).toMatch(/^[\x20-\x7e]+$/);
    for (const code of c.issues ?? []) expect(r.error?.issues?.map((i) => i.code)).toContain(code);
    expect(await stored(watch.park, watch.period)).toEqual(before);
  });
});
