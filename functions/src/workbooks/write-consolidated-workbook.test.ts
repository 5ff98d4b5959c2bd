import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { issueKey, roundDecimals } from '@zj/shared';
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
const PARK_COL = 5;
const columnLetterOf = (n: number) => String.fromCharCode(64 + n);
const rows = c.rows.filter((r) => r.asked.length > 0);
const leader = (unit: string, value: number | null) => (value === null ? null : unit === '万元' || unit === '平方米' ? value / 10_000 : value);
/** The row of an indicator on a sheet, found by its (hidden) code column. */
const rowOfCode = (ws: ExcelJS.Worksheet, code: string): number => {
  for (let r = FIRST; r <= ws.rowCount; r++) if (ws.getCell(`C${r}`).value === code) return r;
  return -1;
};

describe('writeConsolidatedWorkbook', () => {
  it('has 汇总, a sheet per park, 填报状态, 校验与说明 and 说明', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', ...c.units.map(parkName), '填报状态', '校验与说明', '说明', '指标口径']);
    // The indicators' definitions on a sheet of their own, whose header row repeats on every
    // printed page (below the notes of 说明, its continuation pages printed no header).
    const definitions = wb.getWorksheet('指标口径')!;
    expect(definitions.getRow(3).values).toContain('定义');
    expect(definitions.pageSetup.printTitlesRow).toBe('1:3');
  });

  it('shows on 汇总 every park figure and total the consolidation computed, amounts in 亿元, codes in a column that does not print', () => {
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getColumn(3).hidden).toBe(true);
    rows.forEach((row, i) => {
      const r = FIRST + i;
      expect(ws.getCell(`C${r}`).value).toBe(row.indicator);
      expect(ws.getCell(`D${r}`).value).toBe(row.unit === '万元' ? '亿元' : row.unit === '平方米' ? '万平方米' : row.unit);
      row.cells.forEach((cell, j) => {
        const v = shown(ws.getRow(r).getCell(PARK_COL + j));
        if (cell.reason === 'not_applicable') expect(v, `${row.indicator}/${cell.unit}`).toBe('—');
        else if (cell.value === null) expect(typeof v, `${row.indicator}/${cell.unit}`).toBe('string');
        else expect(v as number, `${row.indicator}/${cell.unit}`).toBeCloseTo(leader(row.unit, cell.value)!, 9);
      });
      const total = shown(ws.getRow(r).getCell(PARK_COL + c.units.length));
      if (row.total.value === null) expect(typeof total, row.indicator).toBe('string');
      else expect(total as number, row.indicator).toBeCloseTo(leader(row.unit, row.total.value)!, 9);
    });
    // A figure nobody is asked for (奉贤园's 美丽健康 aim) has no row.
    expect(rows.some((r) => r.indicator === 'beauty_health_scale')).toBe(false);
  });

  it('shows "—" where a park was never asked, and labels a total with the parks it holds', () => {
    const ws = wb.getWorksheet('汇总')!;
    const note = (code: string) => String(shown(ws.getRow(FIRST + rows.findIndex((r) => r.indicator === code)).getCell(PARK_COL + c.units.length + 3)));
    // Only 金山园 reports 高新技术企业数量（累计）: four parks are not delinquent, they are not asked.
    const hnte = rows.find((r) => r.indicator === 'hnte_cumulative')!;
    expect(hnte.cells.filter((x) => x.reason === 'not_applicable').map((x) => x.unit)).toEqual(['minhang', 'fengxian', 'jinqiao', 'qingpu']);
    expect(note('hnte_cumulative')).toBe('1园合计（仅金山园填报此项）');
    // Every park is asked for the common set; 青浦园 has not reported 2025.
    expect(note('hnte_valid')).toBe('4园合计（青浦园未报送）');
    // 同比 compares like with like: last year's total over the same four parks (可比口径).
    const valid = rows.find((r) => r.indicator === 'hnte_valid')!;
    const last = input.lastYear!.rows.find((r) => r.indicator === 'hnte_valid')!;
    const comparable = valid.total.contributing.reduce((acc, u) => acc + last.cells.find((x) => x.unit === u)!.value!, 0);
    const r = ws.getRow(FIRST + rows.indexOf(valid));
    expect(shown(r.getCell(PARK_COL + c.units.length + 1))).toBe(comparable);
    expect(shown(r.getCell(PARK_COL + c.units.length + 2)) as number).toBe(roundDecimals(valid.total.value! / comparable - 1, 3));
    // Each park's own leading industries: no zone total, and the catalogue says why.
    expect(note('leading_industries_revenue_share')).toBe('各园区的主导及特色产业不同，不跨园区相加，只列各园区数值。');
    expect(shown(ws.getRow(FIRST + rows.findIndex((r) => r.indicator === 'leading_industries_revenue_share')).getCell(PARK_COL + c.units.length))).toBe(
      '不合计',
    );
  });

  it('writes ratios as Σnumerator ÷ Σdenominator over the park sheets, never an average of percentages', () => {
    const ws = wb.getWorksheet('汇总')!;
    const i = rows.findIndex((r) => r.indicator === 'rd_share');
    const row = rows[i]!;
    const cell = ws.getRow(FIRST + i).getCell(PARK_COL + c.units.length).value as { formula: string; result: number };
    const refs = (code: string) => row.total.contributing.map((u) => `'${parkName(u)}'!E${rowOfCode(wb.getWorksheet(parkName(u))!, code)}`).join(',');
    expect(cell.formula).toBe(`SUM(${refs('rd_expenditure')})/SUM(${refs('operating_revenue')})*100`);
    expect(cell.result).toBe(row.total.value);
    expect(row.total.value).toBeCloseTo((row.total.numerator! / row.total.denominator!) * 100, 12);
    // every park figure on 汇总 is a reference to its park sheet (an amount, in 亿元)
    const first = c.units[0]!;
    const park = ws.getRow(FIRST + rows.findIndex((r) => r.indicator === 'operating_revenue')).getCell(PARK_COL).value as { formula: string };
    expect(park.formula).toBe(`'${parkName(first)}'!E${rowOfCode(wb.getWorksheet(parkName(first))!, 'operating_revenue')}/10000`);
  });

  it('shows each park’s figures as reported, 上年同期 and 同比, and its explanations, on its sheet', () => {
    for (const unit of c.units) {
      const ws = wb.getWorksheet(parkName(unit))!;
      expect((ws.getRow(3).values as unknown[]).slice(5, 8)).toEqual(['本期数\n（2025年）', '上年同期\n（2024年）', '同比']);
      const version = input.versions.find((v) => v.park === unit);
      for (const row of c.rows) {
        // A figure answered by another row (sameFigures) is read from that row.
        const primary = catalogue.parks.find((p) => p.code === unit)!.sameFigures.find((g) => g.indicators.slice(1).includes(row.indicator))?.indicators[0];
        const r = rowOfCode(ws, primary ?? row.indicator);
        const cell = row.cells.find((x) => x.unit === unit)!;
        if (cell.reason === 'not_applicable') {
          expect(r, `${unit}/${row.indicator}`).toBe(-1);
          continue;
        }
        const before = input.lastYear!.rows.find((x) => x.indicator === row.indicator)!.cells.find((x) => x.unit === unit)!;
        expect(shown(ws.getCell(`E${r}`)), `${unit}/${row.indicator}`).toBe(cell.value ?? '');
        expect(shown(ws.getCell(`F${r}`)), `${unit}/${row.indicator} 上年同期`).toBe(before.value ?? '');
      }
      for (const issue of version?.issues ?? []) {
        const text = version!.input.explanations![issueKey(issue)]!;
        const r = rowOfCode(ws, issue.path.replace(/^figures\./, ''));
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
      expect(ws.getCell(`C${FIRST + i}`).value ?? '').toBe(v ? `第${v.version}版` : '');
      expect(ws.getCell(`D${FIRST + i}`).value ?? '').toBe(v ? v.submittedBy.name : '');
    });
  });

  it('freezes panes, repeats the header rows and prints A4, landscape where the columns need it', () => {
    wb.eachSheet((ws) => {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^1:\d$/);
    });
    expect(wb.getWorksheet('汇总')!.pageSetup.orientation).toBe('landscape');
    // 序号, 指标, the hidden code and 单位 stay in view.
    expect(wb.getWorksheet('汇总')!.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 3 });
    // Five parks' 汇总 and every park sheet fit one page wide at 9 pt or more: 合计说明 and 同比
    // print beside the figures they explain, not on a page of their own.
    wb.eachSheet((ws) => expect(ws.pageSetup, ws.name).toMatchObject({ fitToPage: true, fitToWidth: 1 }));
  });

  it('prints no text cut off: every wrapped row is tall enough, every unwrapped text fits its column', () => {
    expect(cutOffText(wb)).toEqual([]);
  });

  it('gives the 同比 columns room for their widest change (+10.71个百分点), so Excel shows no ####', () => {
    const columns: Array<[string, string]> = [
      ...c.units.map((u): [string, string] => [parkName(u), 'G']),
      ['汇总', columnLetterOf(PARK_COL + c.units.length + 2)],
    ];
    for (const [sheet, col] of columns) {
      const ws = wb.getWorksheet(sheet)!;
      c.rows.forEach((_, i) => {
        const cell = ws.getCell(`${col}${FIRST + i}`);
        const value = shown(cell);
        if (typeof value !== 'number') return;
        const text = cell.numFmt.includes('个百分点')
          ? `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(2)}个百分点`
          : `${value >= 0 ? '+' : '-'}${(Math.abs(value) * 100).toFixed(1)}%`;
        expect(textWidth(text), `${ws.name}!${cell.address} ${text}`).toBeLessThanOrEqual((ws.getColumn(col).width ?? 9) - 1);
        // No change of zero prints as a fall (a share that moved by 3e-9 points is not −0.00个百分点).
        expect(text, `${ws.name}!${cell.address}`).not.toMatch(/^-0\.0+(%|个百分点)$/);
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

  it.skipIf(!SOFFICE)(
    'LibreOffice recalculates every formula to its cached value; a wrong cache would be caught',
    async () => {
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
    },
    180_000,
  );
});
