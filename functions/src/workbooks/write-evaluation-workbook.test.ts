import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { writeEvaluationWorkbook } from './write-evaluation-workbook.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { STATUS_RULES } from '@zj/shared';
import { sampleEvaluationInput } from './__fixtures__/sample-evaluation.js';
import { formulaCells, formulaMismatches, loadWorkbook, shown } from './__fixtures__/read-workbook.js';
import { SOFFICE } from './__fixtures__/lo-available.js';
import { cutOffText } from './__fixtures__/cut-off-text.js';
import { PDFTOPPM, countColour, pdfFonts, renderPage } from './__fixtures__/render-pdf.js';

const input = sampleEvaluationInput();
const { evaluation, catalogue } = input;
const buffer = await writeEvaluationWorkbook(input);
const wb = await loadWorkbook(buffer);
const parkName = (code: string) => catalogue.parks.find((p) => p.code === code)!.name.zh;
const parks = catalogue.parks.map((p) => p.code).filter((p) => evaluation.evaluations.some((e) => e.park === p));
const label = (s: string) => STATUS_RULES.find((r) => r.status === s)!.label.zh;
const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/workbooks');

describe('writeEvaluationWorkbook', () => {
  it('has 总览, a sheet per park with targets, 园区比较 and 说明', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', ...parks.map(parkName), '园区比较', '说明']);
  });

  it('shows every target’s baseline, actual, target, completion, 序时进度, status, growth needed and quote as evaluated', () => {
    for (const park of parks) {
      const ws = wb.getWorksheet(parkName(park))!;
      evaluation.evaluations
        .filter((e) => e.park === park)
        .forEach((e, i) => {
          const r = 4 + i;
          const v = (col: string) => shown(ws.getCell(`${col}${r}`));
          const where = e.targetId;
          expect(v('G'), where).toBe(e.baseline.value ?? '');
          expect(v('H'), where).toBe(e.actual.value ?? '');
          expect(v('I'), where).toBe(e.target.value);
          expect(v('J'), where).toBe(e.completion.value ?? '');
          expect(v('K'), where).toBe(e.expected.value ?? '');
          expect(v('M'), where).toBe(label(e.status));
          expect(v('N'), where).toBe(e.growthNeeded.value ?? '');
          expect(v('P'), where).toBe(e.quote);
        });
    }
  });

  it('covers every status and counts them per park on 总览', () => {
    expect(new Set(evaluation.evaluations.map((e) => e.status))).toEqual(new Set(['completed', 'on_track', 'behind', 'not_reported']));
    const ws = wb.getWorksheet('总览')!;
    parks.forEach((park, i) => {
      const rows = evaluation.evaluations.filter((e) => e.park === park);
      (['completed', 'on_track', 'behind', 'not_reported'] as const).forEach((s, j) => {
        expect(shown(ws.getRow(4 + i).getCell(3 + j)), `${park}/${s}`).toBe(rows.filter((e) => e.status === s).length);
      });
    });
  });

  it('ranks the parks on the common indicators', () => {
    const ws = wb.getWorksheet('园区比较')!;
    const ranked = new Set(input.rankings.rankings.flatMap((r) => r.entries.map((e) => e.park)));
    const order = catalogue.parks.map((p) => p.code).filter((p) => ranked.has(p));
    input.rankings.rankings.forEach((ranking, i) => {
      for (const entry of ranking.entries) {
        const j = order.indexOf(entry.park);
        expect(shown(ws.getRow(4 + i).getCell(3 + 2 * j))).toBe(entry.value ?? '');
        expect(shown(ws.getRow(4 + i).getCell(4 + 2 * j))).toBe(entry.rank ?? '—');
      }
    });
  });

  it('prints no text cut off: every wrapped row is tall enough, every unwrapped text fits its column', () => {
    expect(cutOffText(wb)).toEqual([]);
  });

  it('puts the parks on 园区比较 in the catalogue’s order, as on every other sheet', () => {
    const ws = wb.getWorksheet('园区比较')!;
    const compared = (ws.getRow(3).values as unknown[]).slice(3).filter((_, i) => i % 2 === 0);
    expect(compared).toEqual(catalogue.parks.filter((p) => compared.includes(p.name.zh)).map((p) => p.name.zh));
    expect(compared.length).toBeGreaterThan(1);
  });

  it('states the status thresholds as the evaluation defines them', () => {
    const texts: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row) => texts.push(String(shown(row.getCell(2)))));
    for (const rule of STATUS_RULES) expect(texts).toContain(rule.rule.zh);
  });

  it('carries a native chart on every park sheet: chart parts, drawing, relationships, content types', () => {
    const files = unzipSync(buffer);
    const charts = Object.keys(files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(parks.length);
    const types = strFromU8(files['[Content_Types].xml']!);
    for (const c of charts) expect(types).toContain(`PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    const sheetsWithDrawing = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f) && /<drawing r:id="/.test(strFromU8(files[f]!)));
    expect(sheetsWithDrawing).toHaveLength(parks.length);
    expect(charts.map((c) => strFromU8(files[c]!)).join('')).toContain(`<c:f>&apos;${parkName(parks[0]!)}&apos;!$J$4:`);
  });

  it('fits a park sheet’s 16 columns on A4 landscape at 70% or more (Excel’s column units), the long texts wrapping', () => {
    for (const park of parks) {
      const ws = wb.getWorksheet(parkName(park))!;
      // Excel: a column of width w (Calibri 11, the workbook's default font) is 7w + 5 pixels of 0.75pt.
      const widthPt = Array.from({ length: 16 }, (_, i) => ((ws.getColumn(i + 1).width ?? 9) * 7 + 5) * 0.75).reduce((a, b) => a + b, 0);
      const printable = 841.89 - 72 * ((ws.pageSetup.margins?.left ?? 0.7) + (ws.pageSetup.margins?.right ?? 0.7));
      expect(printable / widthPt, ws.name).toBeGreaterThanOrEqual(0.7);
      for (const col of ['O', 'P']) expect(ws.getCell(`${col}4`).alignment?.wrapText, `${ws.name}!${col}4`).toBe(true);
    }
  });

  it.skipIf(!SOFFICE)('LibreOffice recalculates every formula to its cached value', async () => {
    expect(formulaCells(wb).length).toBeGreaterThan(100);
    expect(await formulaMismatches(buffer, await convertWithLibreOffice(buffer, 'xlsx'))).toEqual([]);
  }, 180_000);

  it.skipIf(!SOFFICE || !PDFTOPPM)('renders the chart and the Chinese text when LibreOffice prints the park sheet to PDF', async () => {
    const pdf = await convertWithLibreOffice(buffer, 'pdf');
    expect(pdfFonts(pdf).some((f) => /CJK/i.test(f))).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    // Page 1 is 总览; page 2 the first park's targets; page 3 its chart (a page break puts it on its own page).
    const table = renderPage(pdf, 2, join(ARTIFACTS, 'evaluation-park-table.png'));
    const chart = renderPage(pdf, 3, join(ARTIFACTS, 'evaluation-park-chart.png'));
    // The two series' bar colours appear only in the chart: on its page, not on the table's.
    expect(countColour(chart.rgb, '2F6EBA')).toBeGreaterThan(2000);
    expect(countColour(chart.rgb, 'F4B183')).toBeGreaterThan(2000);
    expect(countColour(table.rgb, '2F6EBA')).toBe(0);
  }, 180_000);
});
