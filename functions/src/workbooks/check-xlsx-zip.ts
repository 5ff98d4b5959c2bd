import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { makeIssue, type Issue } from '@zj/shared';
import { formatMegabytes } from './format-megabytes.js';
import { UPLOAD_LIMITS, type UploadLimits } from './upload-limits.js';

export type ZipCheck = { ok: true } | { ok: false; issue: Issue };

const MB = 1024 * 1024;
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
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return refuse('upload_not_xlsx');

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    return refuse('upload_corrupt');
  }
  try {
    if (zip.entryCount > limits.maxEntries) return refuse('upload_too_many_entries', { count: zip.entryCount, limit: limits.maxEntries });
    let entries: Entry[];
    try {
      entries = await readDirectory(zip);
    } catch {
      return refuse('upload_corrupt');
    }
    const uncompressed = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    const compressed = Math.max(1, entries.reduce((s, e) => s + e.compressedSize, 0));
    const ratio = Math.round(uncompressed / compressed);
    if (uncompressed > limits.maxUncompressedBytes) return refuse('upload_expands_too_far', { size: mb(uncompressed), limit: mb(limits.maxUncompressedBytes) });
    if (uncompressed > MB && ratio > limits.maxRatio) return refuse('upload_compression_too_high', { ratio, maxRatio: limits.maxRatio, size: mb(uncompressed) });
    const named = forbiddenPart(entries.map((e) => e.fileName), '');
    if (named) return refuse(named);
    let contentTypes: string | null = null;
    let mimetype: string | null = null;
    try {
      for (const entry of entries) {
        const data = await inflate(zip, entry);
        if (entry.fileName === '[Content_Types].xml') contentTypes = data.toString('utf8');
        if (entry.fileName === 'mimetype') mimetype = data.toString('utf8').trim();
      }
    } catch {
      return refuse('upload_corrupt');
    }
    // An OpenDocument spreadsheet (.ods, as LibreOffice and WPS save by choice) names itself in
    // its first part: say so, and how to save it as .xlsx.
    if (contentTypes === null && mimetype === ODS_MIMETYPE) return refuse('upload_ods');
    if (contentTypes === null) return refuse('upload_not_xlsx');
    if (contentTypes.includes(XLSM_MAIN)) return refuse('upload_macro_enabled');
    if (!contentTypes.includes(XLSX_MAIN)) return refuse('upload_not_xlsx');
    const typed = forbiddenPart([], contentTypes);
    if (typed) return refuse(typed);
    return { ok: true };
  } finally {
    zip.close();
  }
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

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err) : resolve(zip)));
  });
}

/** Every entry of the central directory; nothing is inflated. */
function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/**
 * Inflates one part, keeping only [Content_Types].xml and an OpenDocument's mimetype (the rest
 * is discarded as it streams).
 * yauzl's validateEntrySizes makes the stream fail as soon as a part exceeds its declared size.
 */
function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const keep = entry.fileName === '[Content_Types].xml' || (entry.fileName === 'mimetype' && entry.uncompressedSize < 200);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (keep) chunks.push(c);
      });
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', reject);
    });
  });
}
