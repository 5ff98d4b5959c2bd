import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, ReturnVersion } from '@zj/shared';
import { syntheticZone } from '../../bench/synthetic-zone.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { writeConsolidatedWorkbook } from './write-consolidated-workbook.js';
import { writeEvaluationWorkbook } from './write-evaluation-workbook.js';
import { writeTemplateWorkbook } from './write-template-workbook.js';
import {
  ASCII_PUNCTUATION_IN_CHINESE,
  ENGLISH_PHRASE,
  IDENTIFIER,
  LATIN_VERSION,
  PUNCTUATION_AT_LINE_START,
  printedCellTexts,
  withoutVerbatim,
} from './__fixtures__/chinese-text.js';
import { SOFFICE } from './__fixtures__/lo-available.js';
import { pdfPages, pdfWords } from './__fixtures__/pdf-words.js';
import { loadWorkbook } from './__fixtures__/read-workbook.js';
import { PDFTOPPM } from './__fixtures__/render-pdf.js';
import { sampleConsolidationInput } from './__fixtures__/sample-consolidation.js';
import { sampleEvaluationInput } from './__fixtures__/sample-evaluation.js';
import { sampleTemplate } from './__fixtures__/sample-template.js';

/**
 * Every workbook a user downloads, as LibreOffice prints it on A4 (docs/domain.md, "Workbooks"):
 * body text at 9 pt or more on every page, measured with pdftotext -bbox against 9 pt text
 * printed at 100%; wholly Chinese (no English phrase, no code, Chinese punctuation in Chinese
 * text, the plans' own words and the statistician's excepted). The pages are written as PNG to
 * test-artifacts/printed/ to be looked at.
 */
const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/printed');

interface Book {
  name: string;
  make: () => Promise<Buffer>;
  catalogue: Catalogue;
  versions: readonly ReturnVersion[];
}

const evaluation = sampleEvaluationInput();
const consolidation = sampleConsolidationInput();
const zone = syntheticZone(24, [2024, 2025]);
const BOOKS: Book[] = [
  { name: 'template-jinshan', make: () => writeTemplateWorkbook(sampleTemplate('jinshan', '2025')), catalogue: evaluation.catalogue, versions: [] },
  { name: 'template-fengxian', make: () => writeTemplateWorkbook(sampleTemplate('fengxian', '2024')), catalogue: evaluation.catalogue, versions: [] },
  { name: 'consolidated', make: () => writeConsolidatedWorkbook(consolidation), catalogue: consolidation.catalogue, versions: consolidation.versions },
  {
    name: 'consolidated-24-parks',
    make: () => writeConsolidatedWorkbook(zone.consolidated),
    catalogue: zone.consolidated.catalogue,
    versions: zone.consolidated.versions,
  },
  { name: 'evaluation', make: () => writeEvaluationWorkbook(evaluation), catalogue: evaluation.catalogue, versions: [] },
];

/** Words a Chinese workbook prints verbatim: the plans' words, and what statisticians and the system wrote. */
function verbatimOf(book: Book): string[] {
  const c = book.catalogue;
  return [
    ...c.targets.flatMap((t) => [t.quote, ...t.restatements.map((r) => r.quote)]),
    ...c.aims.map((a) => a.quote),
    ...c.parks.flatMap((p) => [p.planTitle, p.documentNumber ?? '']),
    ...book.versions.flatMap((v) => [v.submittedBy.name, ...Object.values(v.input.explanations ?? {})]),
  ].sort((a, b) => b.length - a.length);
}

describe.each(BOOKS.map((b) => [b.name, b] as const))('the %s workbook', (_name, book) => {
  let wb: ExcelJS.Workbook;
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await book.make();
    wb = await loadWorkbook(buffer);
  });

  it('says nothing in English, prints no code, and punctuates Chinese text the Chinese way', () => {
    const verbatim = verbatimOf(book);
    const cells = printedCellTexts(wb).map((c) => ({ ...c, text: withoutVerbatim(c.text, verbatim) }));
    expect(cells.filter((c) => ENGLISH_PHRASE.test(c.text)).map((c) => `${c.sheet}!${c.address}: ${c.text}`)).toEqual([]);
    expect(cells.filter((c) => IDENTIFIER.test(c.text)).map((c) => `${c.sheet}!${c.address}: ${c.text}`)).toEqual([]);
    expect(cells.filter((c) => ASCII_PUNCTUATION_IN_CHINESE.test(c.text)).map((c) => `${c.sheet}!${c.address}: ${c.text}`)).toEqual([]);
    // A version is 第1版, not v1; no line of a cell starts with ；or ，.
    expect(cells.filter((c) => LATIN_VERSION.test(c.text)).map((c) => `${c.sheet}!${c.address}: ${c.text}`)).toEqual([]);
    expect(cells.filter((c) => PUNCTUATION_AT_LINE_START.test(c.text)).map((c) => `${c.sheet}!${c.address}: ${c.text}`)).toEqual([]);
  });

  // A sheet too wide for one page prints across pages at 100%: each later page repeats the
  // table's header row and its label columns through 单位, never the merged title rows (the 24
  // parks' later column pages printed “张江高新区2025年主” cut at their repeated columns, and
  // figures with no unit).
  it('repeats on the pages of a sheet printed across pages its header row and its label columns through 单位', () => {
    const wide = wb.worksheets.filter((ws) => ws.pageSetup.fitToPage === false && ws.pageSetup.printTitlesColumn);
    for (const ws of wide) {
      const [top, bottom] = String(ws.pageSetup.printTitlesRow).split(':').map(Number) as [number, number];
      expect(bottom, ws.name).toBe(top);
      const header = ws.getRow(top).values as unknown[];
      expect(header, ws.name).toContain('序号');
      const unitColumn = header.indexOf('单位');
      const lastRepeated = ws.getColumn(String(ws.pageSetup.printTitlesColumn).split(':')[1]!).number;
      if (unitColumn > 0) expect(lastRepeated, ws.name).toBeGreaterThanOrEqual(unitColumn);
    }
  });

  it.skipIf(!SOFFICE)(
    'prints on A4 with body text of 9 pt or more on every page, and no English on any page',
    async () => {
      const pdf = await convertWithLibreOffice(buffer, 'pdf');
      const words = pdfWords(pdf);
      const pages = Math.max(...words.map((w) => w.page));
      const small = words.filter((w) => w.height < NINE_POINT_HEIGHT - 0.05);
      const report = [...new Set(small.map((w) => w.page))].map((p) => {
        const onPage = small.filter((w) => w.page === p);
        return `page ${p}: ${onPage.length} words below 9 pt, smallest ${(Math.min(...onPage.map((w) => w.height)) / HEIGHT_PER_POINT).toFixed(1)} pt ("${onPage[0]!.text}")`;
      });
      expect(report).toEqual([]);
      // For the record (issue 11's closing note quotes it): the pages and the smallest text printed.
      const smallest = Math.min(...words.map((w) => w.height)) / HEIGHT_PER_POINT;
      console.log(`${book.name}: ${pages} A4 pages, smallest text ${smallest.toFixed(1)} pt`);
      const verbatim = verbatimOf(book).map((v) => v.replace(/\s+/g, ''));
      const english = pdfPages(pdf).flatMap((text, i) =>
        text
          .split('\n')
          .filter((line) => ENGLISH_PHRASE.test(withoutVerbatim(line.replace(/\s{2,}/g, ' '), verbatim)))
          .map((l) => `page ${i + 1}: ${l.trim()}`),
      );
      expect(english).toEqual([]);
      // No title or note is cut off at a page's edge (the 24 parks' 汇总 prints across pages):
      // the first sheet's title and note print whole on its first page.
      const pageTexts = pdfPages(pdf).map((text) => text.replace(/\s+/g, ''));
      const first = wb.worksheets[0]!;
      const [title, note] = ['A1', 'A2'].map((address) => first.getCell(address).text.replace(/\s+/g, '')) as [string, string];
      expect(pageTexts[0], `${first.name}!A1`).toContain(title);
      expect(pageTexts[0], `${first.name}!A2`).toContain(note);
      if (PDFTOPPM) {
        const dir = join(ARTIFACTS, book.name);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${book.name}.pdf`), pdf);
        execFileSync(PDFTOPPM, ['-png', '-r', '60', join(dir, `${book.name}.pdf`), join(dir, 'page')]);
      }
      expect(pages).toBeGreaterThan(0);
    },
    300_000,
  );
});

/** The height pdftotext gives a word of 9 pt text printed at 100%, measured on LibreOffice's own output. */
let NINE_POINT_HEIGHT = Number.POSITIVE_INFINITY;
let HEIGHT_PER_POINT = 1;
beforeAll(async () => {
  if (!SOFFICE) return;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('校准');
  ws.getCell('A1').value = '九磅正文 9pt 1,234.56';
  ws.getCell('A1').font = { name: '等线', size: 9 };
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', scale: 100, fitToPage: false };
  const words = pdfWords(await convertWithLibreOffice(Buffer.from(await wb.xlsx.writeBuffer()), 'pdf'));
  NINE_POINT_HEIGHT = Math.min(...words.map((w) => w.height));
  HEIGHT_PER_POINT = NINE_POINT_HEIGHT / 9;
}, 120_000);
