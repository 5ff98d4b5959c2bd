import { makeIssue, type Issue } from '@zj/shared';
import { checkZipBudget, isZip } from '../uploads/check-zip-budget.js';
import { formatMegabytes } from './format-megabytes.js';
import { UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';

export type ZipCheck = { ok: true } | { ok: false; issue: Issue };

const mb = formatMegabytes;
const refuse = (code: string, params: Record<string, string | number> = {}): ZipCheck => ({ ok: false, issue: makeIssue(code, 'error', 'file', params) });

const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * Checks that an upload is an .xlsx that is safe to open, before exceljs unzips it:
 * 1. size and signature (a zip; an old .xls or WPS .et, OLE2, is told apart);
 * 2. from the zip's central directory alone, nothing decompressed yet: the number of parts, the
 *    total uncompressed size and the compression ratio;
 * 3. the parts are then inflated once as a stream, with yauzl refusing any part that inflates
 *    past the size its directory entry declares, so a lying directory cannot get round step 2;
 * 4. [Content_Types].xml names a workbook, and not a macro-enabled one; an OpenDocument
 *    spreadsheet (.ods) is told apart by its mimetype part;
 * 5. no part a return never has, by its name in the directory or its content type: links to
 *    other workbooks or data sources (the figures would come from files we cannot see), a VBA
 *    project (macros, also in a file declared .xlsx), ActiveX controls or embedded OLE objects.
 */
export async function checkXlsxZip(bytes: Uint8Array, limits: UploadLimits = UPLOAD_LIMITS): Promise<ZipCheck> {
  if (bytes.length === 0) return refuse('upload_empty');
  if (bytes.length > limits.maxBytes) return refuse('upload_too_large', { size: mb(bytes.length), limit: mb(limits.maxBytes) });
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return refuse('upload_legacy_xls');

  if (!isZip(bytes)) return refuse('upload_not_xlsx');

  const budget = await checkZipBudget(bytes, limits);
  if (!budget.ok) {
    switch (budget.reason) {
      case 'corrupt':
        return refuse('upload_corrupt');
      case 'too_many_entries':
        return refuse('upload_too_many_entries', { count: budget.count, limit: limits.maxEntries });
      case 'expands_too_far':
        return refuse('upload_expands_too_far', { size: mb(budget.size), limit: mb(limits.maxUncompressedBytes) });
      case 'compression_too_high':
        return refuse('upload_compression_too_high', { ratio: budget.ratio, maxRatio: limits.maxRatio, size: mb(budget.size) });
    }
  }
  const named = forbiddenPart(budget.names, '');
  if (named) return refuse(named);
  const { contentTypes, mimetype } = budget;
  // An OpenDocument spreadsheet (.ods, as LibreOffice and WPS save by choice) names itself in
  // its first part: say so, and how to save it as .xlsx.
  if (contentTypes === null && mimetype === ODS_MIMETYPE) return refuse('upload_ods');
  if (contentTypes === null) return refuse('upload_not_xlsx');
  if (contentTypes.includes(XLSM_MAIN)) return refuse('upload_macro_enabled');
  if (!contentTypes.includes(XLSX_MAIN)) return refuse('upload_not_xlsx');
  const typed = forbiddenPart([], contentTypes);
  if (typed) return refuse(typed);
  return { ok: true };
}

/** What a return never holds: by part name (as Excel, WPS and LibreOffice name them) and by content type (whatever the name). */
const FORBIDDEN: readonly { code: string; name: RegExp; contentType: RegExp }[] = [
  { code: 'upload_external_links', name: /^xl\/(externalLinks\/|connections\.xml$)/i, contentType: /spreadsheetml\.(externalLink|connections)\+xml/i },
  { code: 'upload_vba_project', name: /(^|\/)vbaProject\.bin$/i, contentType: /application\/vnd\.ms-office\.vbaProject/i },
  { code: 'upload_embedded_objects', name: /^xl\/(activeX|embeddings)\//i, contentType: /application\/vnd\.ms-office\.activeX|officedocument\.oleObject/i },
];

/** The refusal code of the first part named in `names`, or declared in `contentTypes`, that a return never holds. */
function forbiddenPart(names: readonly string[], contentTypes: string): string | null {
  return FORBIDDEN.find((f) => names.some((n) => f.name.test(n)) || f.contentType.test(contentTypes))?.code ?? null;
}
