import type { HttpRequest } from '@azure/functions';
import { explanationsSchema, isUploadRefusalCode, parseBody, receiptOf, XLSX_CONTENT_TYPE } from '@zj/shared/api';
import { DomainError } from '../app/domain-error.js';
import { loadTemplate } from '../app/load-template.js';
import { assertPeriodBegun } from '../app/resolve-scope.js';
import { submitReturn } from '../app/submit-return.js';
import { readIdempotencyKey } from '../http/idempotency-key.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';
import { formatMegabytes } from '../workbooks/format-megabytes.js';
import { locateIssues, readTemplateWorkbook } from '../workbooks/read-template-workbook.js';
import { UPLOAD_LIMITS } from '../workbooks/upload-limits.js';

/**
 * POST /api/returns/{park}/{period}/upload, body: the filled template workbook (.xlsx), either as
 * sent (any content type: the bytes are checked, not the label) or as multipart/form-data with
 * the workbook in `file` and, in `explanations`, a JSON object of explanations (说明) written in
 * the task pane for warnings the file's 说明 column leaves unexplained (they are added to the
 * file's). The file is checked before it is unzipped, read with exceljs against the current
 * template, validated by the same rules as any submission (submitReturn), and, once accepted,
 * kept as a blob the new version names. 201 with the receipt; a refusal lists every issue, each
 * on a cell naming its row, indicator and column.
 */
export const uploadReturnXlsx = routeHandler('uploadReturnXlsx', 'submit', async ({ request, svc, actor, park, period }) => {
  // Before the file is opened: a period not begun takes no return (submitReturn checks it too).
  assertPeriodBegun(period, svc.now());
  const idempotencyKey = readIdempotencyKey(request);
  // The host caps every body at maxBodyBytes; a workbook may not be larger than either limit.
  const limits = { ...UPLOAD_LIMITS, maxBytes: Math.min(UPLOAD_LIMITS.maxBytes, svc.settings.maxBodyBytes) };
  const declared = Number(request.headers.get('content-length') ?? '0');
  // A form carries a few hundred bytes of its own around the file.
  if (declared > limits.maxBytes + (isForm(request) ? FORM_ALLOWANCE : 0)) {
    throw new DomainError('upload_too_large', { size: formatMegabytes(declared), limit: formatMegabytes(limits.maxBytes) });
  }
  const { bytes, explanations } = await readUpload(request);
  const template = await loadTemplate(svc, park, period);
  const read = await readTemplateWorkbook(bytes, template, {
    limits,
    parkName: (code) => svc.catalogue.parks.find((p) => p.code === code)?.name.zh ?? code,
  });
  if (!read.ok) {
    const first = read.issues[0]!;
    if (!isUploadRefusalCode(first.code)) throw new Error(`reading an upload gave issue ${first.code}, which is no upload refusal`);
    const details = first.code === 'upload_template_outdated' ? { currentTemplateVersion: template.version } : {};
    throw new DomainError(first.code, first.params, { issues: read.issues, ...details });
  }
  const input = { ...read.input, explanations: { ...read.input.explanations, ...explanations } };
  // The file is kept once the return passed every check, before the version that names it is
  // appended (ReturnStore.saveUpload); a refused upload keeps nothing.
  const keepUpload = () => svc.store.saveUpload(park.code, period.code, bytes, XLSX_CONTENT_TYPE);
  let outcome: Awaited<ReturnType<typeof submitReturn>>;
  try {
    outcome = await submitReturn(svc, { actor, park, period, input, idempotencyKey, source: 'upload', keepUpload, template });
  } catch (error) {
    // The same refusal, its issues placed on the sheet: 第12行「研发经费支出」(本期数):…
    if (error instanceof DomainError && error.details.issues) {
      throw new DomainError(error.code, error.params, { ...error.details, issues: locateIssues(template, error.details.issues) });
    }
    throw error;
  }
  const { version, replayed } = outcome;
  const headers = { location: `/api/returns/${park.code}/${period.code}/versions/${version.version}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) };
  // A replay answers the blob its version names.
  const body = { ...receiptOf(version), uploadBlob: version.uploadBlob ?? '' };
  return replayed ? { status: 200, body, headers } : { status: 201, body, headers };
});

const FORM_ALLOWANCE = 64 * 1024;

function isForm(request: HttpRequest): boolean {
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** The workbook's bytes, and the explanations a form sent with it (checked by the route's schema). */
async function readUpload(request: HttpRequest): Promise<{ bytes: Uint8Array; explanations: Record<string, string> }> {
  if (!isForm(request)) return { bytes: new Uint8Array(await request.arrayBuffer()), explanations: {} };
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError('malformed_form');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') throw new DomainError('upload_empty');
  const raw = form.get('explanations');
  let explanations: Record<string, string> = {};
  if (typeof raw === 'string' && raw.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new DomainError('malformed_form');
    }
    const checked = parseBody(explanationsSchema, parsed);
    if (!checked.ok)
      throw new DomainError(
        'invalid_body',
        {},
        { issues: checked.issues.map((i) => ({ ...i, path: i.path === '(body)' ? 'explanations' : `explanations.${i.path}` })) },
      );
    explanations = checked.value;
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), explanations };
}

export const registration = registerRoute('uploadReturnXlsx', uploadReturnXlsx);
