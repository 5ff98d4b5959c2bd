import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { injectCharts } from './inject-charts.js';
import type { BarChartSpec } from './chart-xml.js';

const chart = (sheetName: string): BarChartSpec => ({
  sheetName,
  from: { col: 3, row: 0 },
  to: { col: 10, row: 15 },
  title: '完成率 <测试> & "引号"',
  direction: 'col',
  font: '等线',
  categories: { ref: `'${sheetName}'!$A$1:$A$2`, cache: ['甲', '乙'] },
  series: [{ name: { ref: `'${sheetName}'!$B$1`, cache: '完成率' }, values: { ref: `'${sheetName}'!$B$1:$B$2`, cache: [0.5, null] }, color: '2F6EBA' }],
  valueAxis: { title: '比例', numFmt: '0%', min: 0 },
});

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('甲 表');
  a.getCell('A1').value = { text: '链接', hyperlink: 'https://example.invalid/' }; // gives the sheet a rels part already
  a.getCell('B1').value = 0.5;
  wb.addWorksheet('乙');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('injectCharts', () => {
  it('adds chart, drawing, relationships and content types, keeping the sheet’s own relationships', async () => {
    const out = injectCharts(await workbook(), [chart('甲 表'), chart('甲 表'), chart('乙')]);
    const files = unzipSync(out);
    expect(
      Object.keys(files)
        .filter((f) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(f))
        .sort(),
    ).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml']);
    const rels = strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels']!);
    expect(rels).toContain('hyperlink');
    expect(rels).toContain('Target="../drawings/drawing1.xml"');
    expect(strFromU8(files['xl/worksheets/_rels/sheet2.xml.rels']!)).toContain('Target="../drawings/drawing2.xml"');
    expect((strFromU8(files['xl/drawings/drawing1.xml']!).match(/<xdr:twoCellAnchor/g) ?? []).length).toBe(2);
    expect(strFromU8(files['xl/charts/chart1.xml']!)).toContain('完成率 &lt;测试&gt; &amp; &quot;引号&quot;');
    // still a workbook exceljs reads, with its cells intact
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    expect(wb.getWorksheet('甲 表')!.getCell('B1').value).toBe(0.5);
  });

  it('refuses a sheet it does not know', async () => {
    expect(() => injectCharts(new Uint8Array(0), [])).not.toThrow();
    await expect(async () => injectCharts(await workbook(), [chart('丙')])).rejects.toThrow(/no sheet named 丙/);
  });
});
