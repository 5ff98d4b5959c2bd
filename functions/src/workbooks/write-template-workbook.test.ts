import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { layoutTemplate, validateReturn, validationFormula, type CellValidation } from '@zj/shared';
import { writeTemplateWorkbook } from './write-template-workbook.js';
import { readTemplateWorkbook } from './read-template-workbook.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { sampleTemplate } from './__fixtures__/sample-template.js';
import { SOFFICE } from './__fixtures__/lo-available.js';
import { cutOffText } from './__fixtures__/cut-off-text.js';
import { shown } from './__fixtures__/read-workbook.js';

const template = sampleTemplate();
const layout = layoutTemplate(template, 'zh');
const col = (key: string) => layout.columns.find((c) => c.key === key)!.letter;

async function load(buffer: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** Fills the input cells as a statistician would: components, baselines, one explanation. */
async function fill(buffer: Uint8Array, values: Record<string, number | string>, explanation?: string): Promise<Buffer> {
  const wb = await load(buffer);
  const ws = wb.getWorksheet(layout.sheetName)!;
  for (const row of layout.rows) {
    if (row.cells.value?.kind === 'input' && values[row.fieldKey] !== undefined) ws.getCell(`${col('value')}${row.row}`).value = values[row.fieldKey]!;
    if (row.cells.baseline?.kind === 'input' && values[row.fieldKey] !== undefined) {
      ws.getCell(`${col('baseline')}${row.row}`).value = typeof values[row.fieldKey] === 'number' ? Math.round((values[row.fieldKey] as number) * 0.8) : 1;
    }
  }
  if (explanation) ws.getCell(`${col('explanation')}${layout.rows[0]!.row}`).value = explanation;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const typed = Object.fromEntries(template.fields.filter((f) => !f.derived).map((f, i) => [f.key, f.valueType === 'integer' ? 10 + i : 1000 * (i + 1) + 0.25]));
// Parts below their wholes.
typed.operating_revenue = 5_000_000;
typed.leading_industries_revenue = 2_000_000;
typed.rd_expenditure = 300_000;

describe('writeTemplateWorkbook', () => {
  it('writes every cell of the layout: texts, numbers, formulas and yellow unlocked inputs with validation', async () => {
    const wb = await load(await writeTemplateWorkbook(template));
    const ws = wb.getWorksheet(layout.sheetName)!;
    expect(ws.getCell('A1').value).toBe(layout.title);
    layout.columns.forEach((c) => expect(ws.getCell(`${c.letter}${layout.headerRow}`).value).toBe(c.header));
    for (const row of layout.rows) {
      for (const c of layout.columns) {
        const content = row.cells[c.key] ?? { kind: 'empty' };
        const cell = ws.getCell(`${c.letter}${row.row}`);
        const where = `${c.key}${row.row}`;
        if (content.kind === 'text') expect(cell.value, where).toBe(content.text);
        if (content.kind === 'number') expect([cell.value, cell.numFmt], where).toEqual([content.value, content.numFmt]);
        if (content.kind === 'formula') {
          expect((cell.value as { formula: string }).formula, where).toBe(content.formula);
          expect(cell.numFmt, where).toBe(content.numFmt);
        }
        if (content.kind === 'input') {
          expect(cell.protection?.locked, where).toBe(false);
          expect(cell.numFmt, where).toBe(content.numFmt);
          expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb, where).toBe('FFFFF2CC');
          if (content.validation) {
            expect(cell.dataValidation, where).toMatchObject({ type: 'custom', prompt: content.validation.prompt, showErrorMessage: true });
            expect(cell.dataValidation.formulae[0], where).toBe(validationFormula(content.validation, cell.address));
          }
        }
        if (content.kind !== 'input') expect(cell.protection?.locked, where).not.toBe(false);
      }
    }
  });

  it.each(['jinshan', 'minhang', 'fengxian', 'jinqiao', 'qingpu'])(
    'prints the template of %s with no text cut off (two-line labels, long codes)',
    async (park) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await writeTemplateWorkbook(sampleTemplate(park, '2025'))) as unknown as ArrayBuffer);
      expect(cutOffText(wb)).toEqual([]);
    },
  );

  it('protects the sheet, prints A4 landscape with titles, and names the input ranges', async () => {
    const buffer = await writeTemplateWorkbook(template);
    const files = unzipSync(buffer);
    const workbookXml = strFromU8(files['xl/workbook.xml']!);
    for (const n of layout.names) expect(workbookXml).toContain(`<definedName name="${n.name}">${n.ref.replace(/'/g, '&apos;')}</definedName>`);
    expect(workbookXml).toContain(`_xlnm.Print_Titles`);
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).toMatch(/<sheetProtection sheet="1"/);
    expect(sheetXml).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    expect(sheetXml).toMatch(/state="frozen"/);
  });

  it('keeps a very hidden _meta sheet with park, period, version, fields and hash, and an instructions sheet', async () => {
    const wb = await load(await writeTemplateWorkbook(template));
    const meta = wb.getWorksheet('_meta')!;
    expect(meta.state).toBe('veryHidden');
    const rows: [string, string][] = [];
    meta.eachRow((r) => rows.push([String(r.getCell(1).value), String(r.getCell(2).value)]));
    expect(rows).toEqual(layout.meta);
    const instructions = wb.getWorksheet(layout.instructionsSheetName)!;
    expect(layout.instructions.map((_, i) => instructions.getCell(`A${i + 1}`).value)).toEqual(layout.instructions);
  });

  it('reads a filled template back into the figures, baselines and explanations typed, which validate', async () => {
    const filled = await fill(await writeTemplateWorkbook(template), typed, '=1+1 是文字,不是公式');
    const result = await readTemplateWorkbook(filled, template);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    for (const f of template.fields.filter((f) => !f.derived)) expect(result.input.figures[f.key], f.key).toBe(typed[f.key]);
    expect(result.input.explanations).toEqual({ [`field:${layout.rows[0]!.fieldKey}`]: '=1+1 是文字,不是公式' });
    const validation = validateReturn(template, result.input);
    expect(validation.errorCount, JSON.stringify(validation.issues)).toBe(0);
  });

  it.skipIf(!SOFFICE)(
    'opens, recalculates and saves in LibreOffice, and the saved file still reads back (another client)',
    async () => {
      const filled = await fill(await writeTemplateWorkbook(template), typed);
      const saved = await convertWithLibreOffice(filled, 'xlsx');
      const wb = await load(saved);
      // LibreOffice has no "very hidden" state: it saves _meta as hidden, and the upload still reads it.
      expect(wb.getWorksheet('_meta')!.state).toBe('hidden');
      // LibreOffice computed the ratio formulas: 研发经费占比 = 300000 / 5000000 × 100 = 6.
      const rd = layout.rows.find((r) => r.fieldKey === 'rd_share')!;
      expect((wb.getWorksheet(layout.sheetName)!.getCell(`${col('value')}${rd.row}`).value as { result: number }).result).toBeCloseTo(6, 12);
      const result = await readTemplateWorkbook(saved, template);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(result.input.figures.operating_revenue).toBe(5_000_000);
      expect(result.input.figures.rd_share).toBeCloseTo(6, 12);
    },
    120_000,
  );

  // docs/domain.md, "Declared none (无)": the sheet's own ratio reads 无 as 0, as the validator does.
  it.skipIf(!SOFFICE)(
    'computes a ratio over a numerator typed 无 as 0 in LibreOffice, and leaves it blank over other text',
    async () => {
      const filled = await fill(await writeTemplateWorkbook(template), { ...typed, rd_expenditure: '无', leading_industries_revenue: '3.4万' });
      const ws = (await load(await convertWithLibreOffice(filled, 'xlsx'))).getWorksheet(layout.sheetName)!;
      const result = (key: string) => shown(ws.getCell(`${col('value')}${layout.rows.find((r) => r.fieldKey === key)!.row}`));
      expect(result('rd_share')).toBe(0);
      expect(result('leading_industries_revenue_share')).toBe('');
    },
    120_000,
  );

  // docs/domain.md, "Workbooks": the template accepts in its cells what the validator reads.
  it('writes each input cell’s validation as a custom rule that lets text through', async () => {
    const wb = await load(await writeTemplateWorkbook(template));
    const ws = wb.getWorksheet(layout.sheetName)!;
    const row = layout.rows.find((r) => r.cells.value?.kind === 'input')!;
    const address = `${col('value')}${row.row}`;
    const v = (row.cells.value as { validation: CellValidation }).validation;
    expect(ws.getCell(address).dataValidation).toMatchObject({
      type: 'custom',
      formulae: [validationFormula(v, address)],
      errorStyle: 'stop',
      allowBlank: true,
    });
  });

  it.skipIf(!SOFFICE)(
    'the rule, as LibreOffice computes it, accepts 无, 3.4万, 1.2亿元 and whole numbers in bounds, and stops the rest',
    async () => {
      const count = { type: 'whole', min: 0, prompt: '', error: '', allowText: true } as const;
      const share = { type: 'decimal', min: 0, max: 100, prompt: '', error: '', allowText: true } as const;
      const cases: Array<[CellValidation, string | number, boolean]> = [
        [count, '无', true],
        [count, '3.4万', true],
        [count, '1.2亿元', true],
        [count, '１２３', true],
        [count, 12, true],
        [count, 0, true],
        [count, -1, false],
        [count, 1.5, false],
        [share, 6.8, true],
        [share, 100, true],
        [share, 150, false],
        [share, -0.1, false],
      ];
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('v');
      cases.forEach(([v, value], i) => {
        ws.getCell(`A${i + 1}`).value = value;
        ws.getCell(`B${i + 1}`).value = { formula: validationFormula(v, `A${i + 1}`), result: false } as never;
      });
      const computed = await load(await convertWithLibreOffice(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx'));
      const got = cases.map((_, i) => shown(computed.getWorksheet('v')!.getCell(`B${i + 1}`)));
      expect(got.map((x) => x === 1 || String(x).toLowerCase() === 'true')).toEqual(cases.map(([, , ok]) => ok));
    },
    120_000,
  );
});
