import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { issueKey } from '@zj/shared';
import { writeConsolidatedWorkbook } from './write-consolidated-workbook.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { sampleConsolidationInput } from './__fixtures__/sample-consolidation.js';
import { excelPrecision, formulaCells, formulaMismatches, loadWorkbook, sameAsExcel, shown } from './__fixtures__/read-workbook.js';
import { SOFFICE } from './__fixtures__/lo-available.js';
import { cutOffText, textWidth } from './__fixtures__/cut-off-text.js';
import { sheetPathsByName } from './inject-charts.js';

const input = sampleConsolidationInput();
const { consolidation: c, catalogue } = input;
const buffer = await writeConsolidatedWorkbook(input);
const wb = await loadWorkbook(buffer);
const parkName = (code: string) => catalogue.parks.find((p) => p.code === code)!.name.zh;
const FIRST = 4;
const PARK_COL = 6;

describe('writeConsolidatedWorkbook', () => {
  it('has 汇总, a sheet per park, 填报状态, 校验与说明 and 说明', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', ...c.units.map(parkName), '填报状态', '校验与说明', '说明']);
  });

  it('shows on 汇总 every park figure and zone total the consolidation computed', () => {
    const ws = wb.getWorksheet('汇总')!;
    c.rows.forEach((row, i) => {
      const r = FIRST + i;
      expect(ws.getCell(`C${r}`).value).toBe(row.indicator);
      row.cells.forEach((cell, j) => {
        const v = shown(ws.getRow(r).getCell(PARK_COL + j));
        if (cell.value === null) expect(typeof v, `${row.indicator}/${cell.unit}`).toBe('string');
        else expect(v, `${row.indicator}/${cell.unit}`).toBe(cell.value);
      });
      const total = shown(ws.getRow(r).getCell(PARK_COL + c.units.length));
      if (row.total.value === null) expect(typeof total, row.indicator).toBe('string');
      else expect(total, row.indicator).toBe(row.total.value);
    });
  });

  it('writes ratios as Σnumerator ÷ Σdenominator over the park sheets, never an average of percentages', () => {
    const ws = wb.getWorksheet('汇总')!;
    const i = c.rows.findIndex((r) => r.indicator === 'rd_share');
    const row = c.rows[i]!;
    const cell = ws.getRow(FIRST + i).getCell(PARK_COL + c.units.length).value as { formula: string; result: number };
    const num = FIRST + c.rows.findIndex((r) => r.indicator === 'rd_expenditure');
    const den = FIRST + c.rows.findIndex((r) => r.indicator === 'operating_revenue');
    const refs = (r: number) => row.total.contributing.map((u) => `'${parkName(u)}'!E${r}`).join(',');
    expect(cell.formula).toBe(`SUM(${refs(num)})/SUM(${refs(den)})*100`);
    expect(cell.result).toBe(row.total.value);
    expect(row.total.value).toBeCloseTo((row.total.numerator! / row.total.denominator!) * 100, 12);
    // every park figure on 汇总 is a reference to its park sheet
    const park = ws.getRow(FIRST + i).getCell(PARK_COL).value as { formula: string };
    expect(park.formula).toBe(`'${parkName(c.units[0]!)}'!E${FIRST + i}`);
  });

  it('shows each park’s figures, previous period and explanations on its sheet', () => {
    for (const unit of c.units) {
      const ws = wb.getWorksheet(parkName(unit))!;
      const version = input.versions.find((v) => v.park === unit);
      c.rows.forEach((row, i) => {
        const r = FIRST + i;
        const cell = row.cells.find((x) => x.unit === unit)!;
        const prev = input.previous!.rows[i]!.cells.find((x) => x.unit === unit)!;
        expect(shown(ws.getCell(`E${r}`)), `${unit}/${row.indicator}`).toBe(cell.value ?? '');
        expect(shown(ws.getCell(`F${r}`)), `${unit}/${row.indicator} previous`).toBe(prev.value ?? '');
      });
      for (const issue of version?.issues ?? []) {
        const text = version!.input.explanations![issueKey(issue)]!;
        const r = FIRST + c.rows.findIndex((x) => `figures.${x.indicator}` === issue.path);
        expect(String(shown(ws.getCell(`H${r}`)))).toContain(text);
      }
    }
  });

  it('writes text typed by users as text, never as a formula', () => {
    const explanations = input.versions.flatMap((v) => Object.values(v.input.explanations ?? {}));
    expect(explanations.some((e) => e.startsWith('='))).toBe(true);
    const files = unzipSync(buffer);
    const paths = sheetPathsByName(strFromU8(files['xl/workbook.xml']!), strFromU8(files['xl/_rels/workbook.xml.rels']!));
    expect(formulaCells(wb).some((f) => f.formula.includes('HYPERLINK'))).toBe(false);
    for (const name of ['校验与说明', ...c.units.map(parkName)]) {
      const xml = strFromU8(files[paths.get(name)!]!);
      expect(xml).not.toContain('<f>HYPERLINK');
    }
  });

  it('lists who submitted which version when', () => {
    const ws = wb.getWorksheet('填报状态')!;
    c.units.forEach((unit, i) => {
      const v = input.versions.find((x) => x.park === unit);
      expect(ws.getCell(`A${FIRST + i}`).value).toBe(parkName(unit));
      expect(ws.getCell(`C${FIRST + i}`).value ?? '').toBe(v ? `v${v.version}` : '');
      expect(ws.getCell(`D${FIRST + i}`).value ?? '').toBe(v ? v.submittedBy.name : '');
    });
  });

  it('freezes panes, repeats the header rows and prints A4 landscape on every sheet', () => {
    wb.eachSheet((ws) => {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^1:\d$/);
    });
    expect(wb.getWorksheet('汇总')!.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
  });

  it('prints no text cut off: every wrapped row is tall enough, every unwrapped text fits its column', () => {
    expect(cutOffText(wb)).toEqual([]);
  });

  it('gives a park sheet’s 增减 column room for its widest change (+10.71个百分点), so Excel shows no ####', () => {
    for (const unit of c.units) {
      const ws = wb.getWorksheet(parkName(unit))!;
      c.rows.forEach((_, i) => {
        const cell = ws.getCell(`G${FIRST + i}`);
        const value = shown(cell);
        if (typeof value !== 'number') return;
        const text = cell.numFmt.includes('个百分点') ? `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(2)}个百分点` : `${value >= 0 ? '+' : '-'}${(Math.abs(value) * 100).toFixed(1)}%`;
        expect(textWidth(text), `${ws.name}!${cell.address} ${text}`).toBeLessThanOrEqual((ws.getColumn('G').width ?? 9) - 1);
      });
    }
    expect(textWidth('+10.71个百分点')).toBeLessThanOrEqual((wb.getWorksheet(parkName(c.units[0]!))!.getColumn('G').width ?? 9) - 1);
  });

  it('writes every cell in the workbook font (等线, declared GB2312)', () => {
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.font?.name, `${ws.name}!${cell.address}`).toBe('等线');
          expect(cell.font?.charset, `${ws.name}!${cell.address}`).toBe(134);
        }),
      ),
    );
  });

  it('caches results that equal the domain’s at Excel’s precision (0.1 + 0.2 is 0.3)', () => {
    expect(sameAsExcel(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameAsExcel(6.8, 6.81)).toBe(false);
    // Excel's rounding of the decimal form, where toPrecision(15) would give ...866:
    expect(excelPrecision(0.09714343165828665)).toBe(0.0971434316582867);
    expect(excelPrecision(-20.00653142550975)).toBe(-20.0065314255098);
  });

  it.skipIf(!SOFFICE)('LibreOffice recalculates every formula to its cached value; a wrong cache would be caught', async () => {
    const recalculated = await convertWithLibreOffice(buffer, 'xlsx');
    const formulas = formulaCells(wb);
    expect(formulas.length).toBeGreaterThan(100);
    expect(await formulaMismatches(buffer, recalculated)).toEqual([]);
    // Control: the method detects a cached value that is wrong, so the check above is not vacuous.
    const tampered = await loadWorkbook(buffer);
    const cell = tampered.getWorksheet('汇总')!.getCell(formulas.find((f) => f.sheet === '汇总' && typeof f.result === 'number')!.address);
    cell.value = { formula: (cell.value as { formula: string }).formula, result: 12345.678 } as never;
    const tamperedBuffer = Buffer.from(await tampered.xlsx.writeBuffer());
    const mismatches = await formulaMismatches(tamperedBuffer, await convertWithLibreOffice(tamperedBuffer, 'xlsx'));
    expect(mismatches.map((m) => m.address)).toEqual([cell.address]);
  }, 180_000);
});
