import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutTemplate, validateReturn, type Issue } from '@zj/shared';
import { fillTemplateWorkbook } from '../demo/fill-template-workbook.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { locateIssues, readTemplateWorkbook } from './read-template-workbook.js';
import { writeTemplateWorkbook } from './write-template-workbook.js';
import { sampleTemplate } from './__fixtures__/sample-template.js';

/**
 * What a desk without Excel sends back: files saved by LibreOffice (as WPS and LibreOffice users
 * do), in other formats, or with the sheet rearranged. Each gets one answer a statistician can
 * act on, in Chinese, naming the row, the column or the indicator.
 */
const template = sampleTemplate('jinshan', '2025');
const layout = layoutTemplate(template, 'zh');
const col = (key: string) => layout.columns.find((c) => c.key === key)!.letter;
const rowOf = (key: string) => layout.rows.find((r) => r.fieldKey === key)!.row;
const figures: Record<string, number | string> = Object.fromEntries(
  template.fields.filter((f) => !f.derived).map((f) => [f.key, f.valueType === 'integer' ? 12 : 1000]),
);
figures['operating_revenue'] = 12_800_000;
figures['rd_expenditure'] = 384_000;
const baselines = Object.fromEntries(template.fields.filter((f) => f.baseline?.value === null && !f.derived).map((f) => [f.key, 10]));

async function edit(bytes: Uint8Array, change: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb.getWorksheet(layout.sheetName)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const codes = (r: Awaited<ReturnType<typeof readTemplateWorkbook>>) => (r.ok ? [] : r.issues.map((i) => i.code));
const messages = (r: Awaited<ReturnType<typeof readTemplateWorkbook>>) => (r.ok ? [] : r.issues.map((i) => i.message.zh));

let filled: Buffer;
let saved: { xlsx: Buffer; ods: Buffer; xls: Buffer; sorted: Buffer; columnInserted: Buffer };

beforeAll(async () => {
  filled = await fillTemplateWorkbook(await writeTemplateWorkbook(template), template, figures, baselines);
  // Data rows in another order, as "sort by 本期数" leaves them.
  const sorted = await edit(filled, (ws) => {
    const rows = layout.rows.map((r) => layout.columns.map((c) => ws.getCell(`${c.letter}${r.row}`).value));
    rows
      .reverse()
      .forEach((values, i) => layout.columns.forEach((c, j) => (ws.getCell(`${c.letter}${layout.firstDataRow + i}`).value = values[j] as ExcelJS.CellValue)));
  });
  // A column inserted before 本期数 (E), as "Insert › Column" does.
  const inserted = await edit(filled, (ws) => ws.spliceColumns(5, 0, []));
  const [xlsx, ods, xls, sortedXlsx, insertedXlsx] = await Promise.all([
    convertWithLibreOffice(filled, 'xlsx', { recalculate: false }),
    convertWithLibreOffice(filled, 'ods', { recalculate: false }),
    convertWithLibreOffice(filled, 'xls', { recalculate: false }),
    convertWithLibreOffice(sorted, 'xlsx', { recalculate: false }),
    convertWithLibreOffice(inserted, 'xlsx', { recalculate: false }),
  ]);
  saved = { xlsx, ods, xls, sorted: sortedXlsx, columnInserted: insertedXlsx };
}, 300_000);

describe('a return saved by LibreOffice or WPS', () => {
  it('as .xlsx reads the same figures as the file it was saved from', async () => {
    const original = await readTemplateWorkbook(filled, template);
    const resaved = await readTemplateWorkbook(saved.xlsx, template);
    expect(resaved.ok, JSON.stringify(codes(resaved))).toBe(true);
    if (!original.ok || !resaved.ok) return;
    expect(resaved.input.figures['operating_revenue']).toBe(12_800_000);
    for (const f of template.fields.filter((x) => !x.derived)) expect(resaved.input.figures[f.key], f.key).toEqual(original.input.figures[f.key]);
  });

  it.each([
    ['.ods', 'ods', 'upload_ods', 'OpenDocument'],
    ['.xls', 'xls', 'upload_legacy_xls', '.xls'],
  ] as const)('as %s is refused with how to save it as .xlsx', async (_name, format, code, names) => {
    const result = await readTemplateWorkbook(saved[format], template);
    expect(codes(result)).toEqual([code]);
    expect(messages(result)[0]).toContain(names);
    expect(messages(result)[0]).toContain('另存为');
    expect(messages(result)[0]).toContain('（*.xlsx）');
  });
});

describe('a return whose sheet was rearranged', () => {
  it('rows sorted: one answer, sort them back by 序号', async () => {
    const result = await readTemplateWorkbook(saved.sorted, template);
    expect(codes(result)).toEqual(['upload_rows_sorted']);
    expect(messages(result)[0]).toContain('请按“序号”列从小到大排序后再上传');
  });

  it('a column inserted: says which, and what moved', async () => {
    const result = await readTemplateWorkbook(saved.columnInserted, template);
    expect(codes(result)).toEqual(['upload_column_inserted']);
    expect(messages(result)[0]).toBe('填报表的E列是插入的一列，“本期数”及其后各列因此右移了。请删除插入的列后再上传，不要在填报表中插入或删除列。');
  });

  it('a column deleted: says which', async () => {
    const result = await readTemplateWorkbook(await edit(filled, (ws) => ws.spliceColumns(6, 1)), template);
    expect(codes(result)).toEqual(['upload_column_deleted']);
    expect(messages(result)[0]).toContain('“上期数”列（F列）被删除了');
  });

  it('rows inserted: says from which row', async () => {
    const result = await readTemplateWorkbook(await edit(filled, (ws) => ws.spliceRows(8, 0, ['', '我加的一行'], [''])), template);
    expect(codes(result)).toEqual(['upload_rows_inserted']);
    expect(messages(result)[0]).toContain('第8行处多出了插入的行');
  });

  it('a row deleted: names the indicator', async () => {
    const gone = layout.rows[3]!;
    const result = await readTemplateWorkbook(await edit(filled, (ws) => ws.spliceRows(gone.row, 1)), template);
    expect(codes(result)).toEqual(['upload_rows_deleted']);
    const label = template.fields.find((f) => f.key === gone.fieldKey)!.label.zh;
    expect(messages(result)[0]).toContain(`指标「${label}」（原第${gone.row}行）所在的行被删除了`);
  });
});

describe('the answer about the figures', () => {
  it('names the row, the indicator and the column of a figure typed in the wrong unit', async () => {
    const bytes = await edit(filled, (ws) => (ws.getCell(`${col('value')}${rowOf('operating_revenue')}`).value = '500家'));
    const read = await readTemplateWorkbook(bytes, template);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const issues = locateIssues(template, validateReturn(template, read.input).issues);
    const unit = issues.find((i: Issue) => i.code === 'figure_unit_mismatch')!;
    expect(unit.message.zh).toBe(`第${rowOf('operating_revenue')}行「营业收入」（本期数）：「500家」中的单位「家」与本栏单位万元不是同一种量，无法换算。`);
    expect(unit.message.en).toMatch(new RegExp(`^Row ${rowOf('operating_revenue')}, “Operating revenue[^”]*” \\(Value\\): '500家'`));
    // The message without its place, for a list already grouped by row.
    expect(unit.params['detail']).toBe('「500家」中的单位「家」与本栏单位万元不是同一种量，无法换算。');
  });
});
