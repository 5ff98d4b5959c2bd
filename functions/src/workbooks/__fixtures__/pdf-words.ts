import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One word of a PDF as pdftotext -bbox places it: its page, text and box in points. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** yMax − yMin: proportional to the font size (about 1.3 em for the CJK face LibreOffice uses). */
  height: number;
}

/** Every word of a PDF with its box (poppler's pdftotext -bbox). */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const dir = mkdtempSync(join(tmpdir(), 'zj-bbox-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const html = execFileSync('pdftotext', ['-bbox', join(dir, 'in.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 }).toString();
    const words: PdfWord[] = [];
    let page = 0;
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page += 1;
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (!m) continue;
      const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      const text = m[5]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      words.push({ page, text, xMin, yMin, xMax, yMax, height: yMax - yMin });
    }
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF as laid out (pdftotext -layout), one string per page. */
export function pdfPages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zj-text-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'in.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 }).toString().split('\f');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
