import { isUploadRefusalCode, receiptOf, XLSX_CONTENT_TYPE } from '@zj/shared/api';
import { DomainError } from '../app/domain-error.js';
import { loadTemplate } from '../app/load-template.js';
import { assertPeriodBegun } from '../app/resolve-scope.js';
import { submitReturn } from '../app/submit-return.js';
import { readIdempotencyKey } from '../http/idempotency-key.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';
import { formatMegabytes } from '../workbooks/format-megabytes.js';
import { readTemplateWorkbook } from '../workbooks/read-template-workbook.js';
import { UPLOAD_LIMITS } from '../workbooks/upload-limits.js';

/**
 * POST /api/returns/{park}/{period}/upload, body: the filled template workbook (.xlsx) as sent
 * (any content type: the bytes are checked, not the label). The file is checked before it is
 * unzipped, read with exceljs against the current template, validated by the same rules as any
 * submission (submitReturn), and, once accepted, kept as a blob the new version names. 201 with
 * the receipt.
 */
export const uploadReturnXlsx = routeHandler('uploadReturnXlsx', 'submit', async ({ request, svc, actor, park, period }) => {
  // Before the file is opened: a period not begun takes no return (submitReturn checks it too).
  assertPeriodBegun(period, svc.now());
  const idempotencyKey = readIdempotencyKey(request);
  // The host caps every body at maxBodyBytes; a workbook may not be larger than either limit.
  const limits = { ...UPLOAD_LIMITS, maxBytes: Math.min(UPLOAD_LIMITS.maxBytes, svc.settings.maxBodyBytes) };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) {
    throw new DomainError('upload_too_large', { size: formatMegabytes(declared), limit: formatMegabytes(limits.maxBytes) });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
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
  // The file is kept once the return passed every check, before the version that names it is
  // appended (ReturnStore.saveUpload); a refused upload keeps nothing.
  const keepUpload = () => svc.store.saveUpload(park.code, period.code, bytes, XLSX_CONTENT_TYPE);
  const { version, replayed } = await submitReturn(svc, { actor, park, period, input: read.input, idempotencyKey, source: 'upload', keepUpload });
  const headers = { location: `/api/returns/${park.code}/${period.code}/versions/${version.version}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) };
  // A replay answers the blob its version names.
  const body = { ...receiptOf(version), uploadBlob: version.uploadBlob ?? '' };
  return replayed ? { status: 200, body, headers } : { status: 201, body, headers };
});

export const registration = registerRoute('uploadReturnXlsx', uploadReturnXlsx);
