import { PLAN_FILE_MAX_BYTES } from '@zj/shared/api';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import { checkZipBudget, isZip } from '../uploads/check-zip-budget.js';
import { formatMegabytes } from '../workbooks/format-megabytes.js';
import { UPLOAD_LIMITS, type UploadLimits } from '../workbooks/upload-limits.js';
import { joinPdfLines, type PdfLine } from './join-pdf-lines.js';

/**
 * Reads the text of a plan uploaded as a document (docs/catalogue.md, Onboarding): a .docx, or a
 * PDF with a text layer. Told apart by the bytes, not the name or the content type. The text is
 * what the extractor reads and what every accepted quote must be part of, so it is the text a
 * reader sees: a .docx paragraph per line, a PDF's lines broken inside a sentence joined again.
 * Expected problems are answered as a refusal code (shared/src/api/errors.ts), never thrown.
 */
export type PlanFileRead =
  | { ok: true; format: 'docx' | 'pdf'; text: string; pages: number | null }
  | { ok: false; code: PlanFileRefusal; params: Record<string, string | number> };

export type PlanFileRefusal = 'plan_unreadable' | 'plan_no_text' | 'plan_encrypted' | 'plan_file_corrupt' | 'plan_file_too_large' | 'plan_file_unsafe';

/** A plan document may be larger than a return (a PDF embeds its fonts), but its .docx unzips under the same limits. */
export const PLAN_FILE_LIMITS: UploadLimits = { ...UPLOAD_LIMITS, maxBytes: PLAN_FILE_MAX_BYTES };

/** Fewer visible characters than this in a whole PDF: no text layer to speak of (a scan, perhaps with a stamped page number). */
const MIN_PDF_CHARS = 20;
const mb = formatMegabytes;

export async function readPlanFile(bytes: Uint8Array, fileName: string, limits: UploadLimits = PLAN_FILE_LIMITS): Promise<PlanFileRead> {
  const refuse = (code: PlanFileRefusal, params: Record<string, string | number> = {}): PlanFileRead => ({
    ok: false,
    code,
    params: { file: fileName, ...params },
  });
  if (bytes.length === 0) return refuse('plan_unreadable');
  if (bytes.length > limits.maxBytes) return refuse('plan_file_too_large', { size: mb(bytes.length), limit: mb(limits.maxBytes) });
  if (isPdf(bytes)) return readPdf(bytes, refuse);
  if (isZip(bytes)) return readDocx(bytes, limits, refuse);
  // An OLE2 compound file: a password-protected .docx (Office keeps it encrypted inside one), else an old .doc.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return refuse(hasUtf16(bytes, 'EncryptionInfo') ? 'plan_encrypted' : 'plan_unreadable');
  return refuse('plan_unreadable');
}

type Refuse = (code: PlanFileRefusal, params?: Record<string, string | number>) => PlanFileRead;

const WORD_MAIN = /wordprocessingml\.document\.main\+xml|wordprocessingml\.template\.main\+xml|ms-word\.(document|template)\.macroEnabled/;

async function readDocx(bytes: Uint8Array, limits: UploadLimits, refuse: Refuse): Promise<PlanFileRead> {
  const budget = await checkZipBudget(bytes, limits);
  if (!budget.ok) {
    if (budget.reason === 'corrupt') return refuse('plan_file_corrupt');
    if (budget.reason === 'too_many_entries') return refuse('plan_file_unsafe', { size: '?', ratio: '?' });
    return refuse('plan_file_unsafe', { size: mb(budget.size), ratio: budget.reason === 'compression_too_high' ? budget.ratio : '?' });
  }
  if (budget.contentTypes === null || !WORD_MAIN.test(budget.contentTypes)) return refuse('plan_unreadable');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch {
    return refuse('plan_file_corrupt');
  }
  // mammoth ends every paragraph with a blank line; a paragraph per line, an empty paragraph an empty line.
  const text = raw.replace(/\r\n?/g, '\n').split('\n\n').join('\n').replace(/\s+$/, '');
  if (!/\S/.test(text)) return refuse('plan_unreadable');
  return { ok: true, format: 'docx', text: `${text}\n`, pages: null };
}

async function readPdf(bytes: Uint8Array, refuse: Refuse): Promise<PlanFileRead> {
  let lines: PdfLine[] = [];
  let pages = 0;
  try {
    // A copy: pdf.js detaches the buffer it is given. No eval of font programs (a fault in them runs nothing).
    const pdf = await getDocumentProxy(bytes.slice(), { isEvalSupported: false, verbosity: 0 } as never);
    pages = pdf.numPages;
    for (let n = 1; n <= pages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , d, x, y] = item.transform as number[];
        lines = addToLines(lines, { page: n, x: x!, y: y!, size: Math.hypot(a!, b!) || Math.abs(d!), width: item.width, str: item.str });
      }
      page.cleanup();
    }
    await pdf.destroy();
  } catch (error) {
    const name = (error as { name?: string }).name;
    return refuse(name === 'PasswordException' ? 'plan_encrypted' : 'plan_file_corrupt');
  }
  const text = joinPdfLines(lines);
  if (text.replace(/\s/g, '').length < MIN_PDF_CHARS) return refuse('plan_no_text', { pages });
  return { ok: true, format: 'pdf', text, pages };
}

interface Piece {
  page: number;
  x: number;
  y: number;
  size: number;
  width: number;
  str: string;
}

/** Puts a text run on the line of its baseline (within half a character), or starts a new line. */
function addToLines(lines: PdfLine[], p: Piece): PdfLine[] {
  const last = lines[lines.length - 1];
  if (last && last.page === p.page && Math.abs(last.y - p.y) <= p.size / 2) {
    last.runs.push({ x: p.x, width: p.width, size: p.size, str: p.str });
    return lines;
  }
  lines.push({ page: p.page, y: p.y, runs: [{ x: p.x, width: p.width, size: p.size, str: p.str }] });
  return lines;
}

function isPdf(bytes: Uint8Array): boolean {
  // %PDF- within the first KB (some writers put bytes before it, and readers accept that).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(word, 'utf16le'));
}
