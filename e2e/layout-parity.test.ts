import ExcelJS from 'exceljs';
import { buildTemplate, layoutTemplate, loadCatalogue, type Lang, type TemplateModel } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { syntheticTemplate } from '../addin/src/excel/__fixtures__/synthetic-template.js';
import { writeTemplate } from '../addin/src/excel/write-template.js';
import { useFakeExcel } from '../addin/src/excel/__fixtures__/use-fake-excel.js';
import { writeTemplateWorkbook } from '../functions/src/workbooks/write-template-workbook.js';

/**
 * The add-in's sheet (Office.js, recorded by the fake) and the server's template workbook
 * (exceljs) are written from the same layoutTemplate: checked here against each other, cell by
 * cell, so a statistician gets the same sheet whether they click 获取模板 or download the .xlsx.
 */
const catalogue = loadCatalogue();
const jinshan2025: TemplateModel = buildTemplate(
  catalogue,
  'jinshan',
  { code: '2025', year: 2025, quarter: null },
  { periodDays: 365, previous: { period: '2024', values: { operating_revenue: 12800000, pct_applications: 86 } }, baselines: {} },
);

const OPERATOR: Record<string, string> = { between: 'Between', greaterThanOrEqual: 'GreaterThanOrEqualTo', lessThanOrEqual: 'LessThanOrEqualTo' };

const fake = useFakeExcel();

/** Every cell of a range such as A2:F2, top-left first. */
function cellsOf(range: string): string[] {
  const [from, to = from] = range.split(':') as [string, string?];
  const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(from)!;
  const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(to!)!;
  const out: string[] = [];
  for (let r = Number(r1); r <= Number(r2); r++) for (let c = c1!.charCodeAt(0); c <= c2!.charCodeAt(0); c++) out.push(`${String.fromCharCode(c)}${r}`);
  return out;
}

/** A formula written for cell `from`, as it reads in cell `to` (relative references move, as in Excel). */
function shiftFormula(formula: string, from: string, to: string): string {
  const [, fc, fr] = /^([A-Z]+)(\d+)$/.exec(from)!;
  const [, tc, tr] = /^([A-Z]+)(\d+)$/.exec(to)!;
  const [dr, dc] = [Number(tr) - Number(fr), tc!.charCodeAt(0) - fc!.charCodeAt(0)];
  return formula.replace(/(?<![A-Z$"])([A-Z])(\d+)(?![\d(])/g, (_m, c: string, r: string) => `${String.fromCharCode(c.charCodeAt(0) + dc)}${Number(r) + dr}`);
}

describe('the add-in writes the same sheet as the template workbook', () => {
  it.each([
    ['金山园 2025 (catalogue)', jinshan2025, 'zh'],
    ['金山园 2025 in English', jinshan2025, 'en'],
    ['a synthetic 40-row template', syntheticTemplate(40), 'zh'],
  ] as Array<[string, TemplateModel, Lang]>)('%s', async (_name, template, lang) => {
    const layout = layoutTemplate(template, lang);
    await writeTemplate(template, lang);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeTemplateWorkbook(template, lang)) as unknown as ArrayBuffer);

    const server = book.getWorksheet(layout.sheetName)!;
    const addin = fake().sheet(layout.sheetName);
    const lastRow = layout.lastRow;
    // Merged cells other than the top-left one hold nothing in either.
    const merged = new Set(layout.blocks.filter((b) => b.merge).flatMap((b) => cellsOf(b.merge!).slice(1)));
    expect(new Set(addin.merges)).toEqual(new Set(layout.blocks.filter((b) => b.merge).map((b) => b.merge)));
    for (const column of layout.columns) {
      expect(addin.hiddenColumns.has(column.letter), `${column.letter} hidden`).toBe(server.getColumn(column.letter).hidden === true);
    }
    for (let r = 1; r <= lastRow; r++) {
      for (const column of layout.columns) {
        const address = `${column.letter}${r}`;
        const ours = addin.cells.get(address);
        const theirs = server.getCell(address);
        if (merged.has(address)) continue;
        const theirValue = theirs.value;
        const expected =
          theirValue === null || theirValue === undefined
            ? ''
            : typeof theirValue === 'object' && 'formula' in theirValue
              ? `=${theirValue.formula}`
              : theirValue;
        expect(ours?.formula ?? ours?.value ?? '', `${address} value`).toEqual(expected);
        if (r < layout.firstDataRow && !layout.blocks.some((b) => b.address === address && b.content.kind === 'input')) continue;
        expect(ours?.numberFormat ?? 'General', `${address} number format`).toBe(theirs.numFmt ?? 'General');
        expect(ours?.locked ?? true, `${address} locked`).toBe(theirs.protection?.locked !== false);
        const dv = theirs.dataValidation as { type?: string; operator?: string; formulae?: unknown[]; prompt?: string; error?: string } | undefined;
        if (!dv?.type) {
          expect(ours?.validation ?? null, `${address} validation`).toBeNull();
          continue;
        }
        if (dv.type === 'custom') {
          // A rule set on a range is relative to its top-left cell: read it as it applies here.
          const custom = (ours?.validation?.rule as { custom?: { formula: string } } | null)?.custom;
          expect(custom, `${address} validation type`).toBeDefined();
          expect(shiftFormula(custom!.formula, ours!.validation!.origin!, address), `${address} validation formula`).toBe(`=${String(dv.formulae![0])}`);
          expect((ours?.validation?.prompt as { message: string } | undefined)?.message).toBe(dv.prompt);
          expect((ours?.validation?.errorAlert as { message: string } | undefined)?.message).toBe(dv.error);
          continue;
        }
        const rule = ours?.validation?.rule as Record<string, { formula1: number; formula2?: number; operator: string }>;
        const key = dv.type === 'whole' ? 'wholeNumber' : dv.type;
        expect(Object.keys(rule ?? {}), `${address} validation type`).toEqual([key]);
        expect(rule[key]!.operator, `${address} operator`).toBe(OPERATOR[dv.operator ?? 'between']);
        expect([rule[key]!.formula1, rule[key]!.formula2].filter((x) => x !== undefined).map(Number)).toEqual((dv.formulae ?? []).map(Number));
        expect((ours?.validation?.prompt as { message: string } | undefined)?.message).toBe(dv.prompt);
        expect((ours?.validation?.errorAlert as { message: string } | undefined)?.message).toBe(dv.error);
      }
    }
    // Fills of input and formula cells.
    for (const row of layout.rows) {
      const address = `E${row.row}`;
      const argb = (server.getCell(address).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
      if (argb) expect(addin.cells.get(address)?.fill?.replace('#', 'FF'), `${address} fill`).toBe(argb);
    }
    expect(addin.protected).toBe(true);
    expect(addin.frozenRows).toBe(layout.headerRow);

    // Defined names, the very-hidden _meta sheet and the instructions.
    const names = Object.fromEntries((book.definedNames.model as Array<{ name: string; ranges: string[] }>).map((n) => [n.name, `=${n.ranges.join(',')}`]));
    // 'Return'!$E$5 and Return!$E$5 are the same reference; exceljs drops the quotes it can.
    const unquoted = (ref: string) => ref.replace(/'([^']+)'!/g, '$1!');
    expect(Object.fromEntries([...fake().state.names].map(([n, ref]) => [n, unquoted(ref)]))).toEqual(
      Object.fromEntries(Object.entries(names).map(([n, ref]) => [n, unquoted(ref)])),
    );
    const meta = book.getWorksheet(layout.metaSheetName)!;
    expect(meta.state).toBe('veryHidden');
    expect(fake().sheet(layout.metaSheetName).visibility).toBe('VeryHidden');
    layout.meta.forEach((_pair, i) => {
      for (const c of ['A', 'B']) expect(fake().cell(layout.metaSheetName, `${c}${i + 1}`)?.value).toBe(meta.getCell(`${c}${i + 1}`).value);
    });
    const info = book.getWorksheet(layout.instructionsSheetName)!;
    layout.instructions.forEach((_line, i) => expect(fake().cell(layout.instructionsSheetName, `A${i + 1}`)?.value).toBe(info.getCell(`A${i + 1}`).value));
  });
});
