import type { HttpRequest } from '@azure/functions';
import type { UploadReceipt } from '@zj/shared';
import { authorizePark } from '../app/authorize.js';
import { loadTemplate } from '../app/load-template.js';
import { receiptOf } from '../app/receipt-of.js';
import { submitReturn } from '../app/submit-return.js';
import { ApiError } from '../http/api-error.js';
import { readIdempotencyKey } from '../http/idempotency-key.js';
import { jsonResponse } from '../http/json-response.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';
import { formatMegabytes } from '../workbooks/format-megabytes.js';
import { readTemplateWorkbook } from '../workbooks/read-template-workbook.js';
import { UPLOAD_LIMITS } from '../workbooks/upload-limits.js';
import { XLSX_CONTENT_TYPE } from '../workbooks/xlsx-content-type.js';

/** The HTTP status of each reason an upload is refused; 422 for the rest. */
const STATUS: Readonly<Record<string, number>> = {
  upload_empty: 400,
  upload_corrupt: 400,
  upload_not_xlsx: 415,
  upload_legacy_xls: 415,
  upload_macro_enabled: 415,
  upload_too_large: 413,
  upload_too_many_entries: 413,
  upload_expands_too_far: 413,
  upload_template_outdated: 409,
  upload_wrong_park: 409,
  upload_wrong_period: 409,
};

/**
 * POST /api/returns/{park}/{period}/upload, body: the filled template workbook (.xlsx) as sent
 * (any content type: the bytes are checked, not the label). The file is checked before it is
 * unzipped, read with exceljs against the current template, validated by the same rules as any
 * submission (submitReturn), and, once accepted, kept as a blob the new version names. 201 with
 * the receipt.
 */
export const uploadReturnXlsx = withApiErrors(async (request: HttpRequest) => {
  const { svc, actor, park, period } = await authorizePark(request, 'submit');
  const idempotencyKey = readIdempotencyKey(request);
  // The host caps every body at maxBodyBytes; a workbook may not be larger than either limit.
  const limits = { ...UPLOAD_LIMITS, maxBytes: Math.min(UPLOAD_LIMITS.maxBytes, svc.settings.maxBodyBytes) };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) {
    throw new ApiError(413, 'upload_too_large', { size: formatMegabytes(declared), limit: formatMegabytes(limits.maxBytes) });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  const template = await loadTemplate(svc, park, period);
  const read = await readTemplateWorkbook(bytes, template, {
    limits,
    parkName: (code) => svc.catalogue.parks.find((p) => p.code === code)?.name.zh ?? code,
  });
  if (!read.ok) {
    const first = read.issues[0]!;
    const headers = first.code === 'upload_template_outdated' ? { 'x-template-version': template.version } : undefined;
    throw new ApiError(STATUS[first.code] ?? 422, first.code, first.params, read.issues, headers);
  }
  // The file is kept once the return passed every check, before the version that names it is
  // appended (ReturnStore.saveUpload); a refused upload keeps nothing.
  const keepUpload = () => svc.store.saveUpload(park.code, period.code, bytes, XLSX_CONTENT_TYPE);
  const { version, replayed } = await submitReturn(svc, { actor, park, period, input: read.input, idempotencyKey, source: 'upload', keepUpload });
  const location = `/api/returns/${park.code}/${period.code}/versions/${version.version}`;
  // A replay answers the blob its version names.
  const body: UploadReceipt = { ...receiptOf(version), uploadBlob: version.uploadBlob ?? '' };
  return jsonResponse(replayed ? 200 : 201, body, { location, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
});

export const registration = registerHttp({
  name: 'uploadReturnXlsx',
  methods: ['POST'],
  route: 'returns/{park}/{period}/upload',
  handler: uploadReturnXlsx,
});
