import ExcelJS from 'exceljs';
import { layoutTemplate, type TemplateModel } from '@zj/shared';

/**
 * Fills a downloaded template workbook as a statistician would: each input cell of the value and
 * baseline columns from `values` / `baselines` (by field key), and explanations by field key.
 */
export async function fillTemplateWorkbook(
  xlsx: Uint8Array,
  template: TemplateModel,
  figures: Record<string, number | string | null>,
  baselines: Record<string, number | null> = {},
  explanations: Record<string, string> = {},
): Promise<Buffer> {
  const layout = layoutTemplate(template, 'zh');
  const col = (key: string) => layout.columns.find((c) => c.key === key)!.letter;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(layout.sheetName)!;
  for (const row of layout.rows) {
    const figure = figures[row.fieldKey];
    if (row.cells.value?.kind === 'input' && figure !== undefined && figure !== null) ws.getCell(`${col('value')}${row.row}`).value = figure;
    const baseline = baselines[row.fieldKey];
    if (row.cells.baseline?.kind === 'input' && baseline !== undefined && baseline !== null) ws.getCell(`${col('baseline')}${row.row}`).value = baseline;
    const text = explanations[row.fieldKey];
    if (text) ws.getCell(`${col('explanation')}${row.row}`).value = text;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
