import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { injectCharts } from './inject-charts.js';
import { convertWithLibreOffice } from './libreoffice.js';
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('金山园');
ws.columns = [{ width: 30 }, { width: 12 }, { width: 12 }];
ws.addRow(['指标', '完成率', '序时进度']);
const rows: [string, number, number][] = [['高新技术企业数量', 0.92, 0.5], ['PCT专利年申请量', 1.2, 0.5], ['研发经费占营收比重', 0.6, 0.5], ['产业规模', 0.45, 0.5]];
for (const r of rows) ws.addRow(r);
for (let i = 2; i <= 5; i++) { ws.getCell(`B${i}`).numFmt = '0%'; ws.getCell(`C${i}`).numFmt = '0%'; ws.getCell(`A${i}`).font = { name: '等线', charset: 134, family: 2 }; }
ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const buf = Buffer.from(await wb.xlsx.writeBuffer());
const out = injectCharts(buf, [{
  sheetName: '金山园', from: { col: 4, row: 0 }, to: { col: 12, row: 18 }, title: '金山园 2025 目标完成情况', direction: 'bar', font: '等线',
  categories: { ref: "'金山园'!$A$2:$A$5", cache: rows.map((r) => r[0]) },
  series: [
    { name: { ref: "'金山园'!$B$1", cache: '完成率' }, values: { ref: "'金山园'!$B$2:$B$5", cache: rows.map((r) => r[1]) }, color: '2F6EBA' },
    { name: { ref: "'金山园'!$C$1", cache: '序时进度' }, values: { ref: "'金山园'!$C$2:$C$5", cache: rows.map((r) => r[2]) }, color: 'A5A5A5' },
  ],
  valueAxis: { title: '完成率', numFmt: '0%', min: 0 },
}]);
writeFileSync('/tmp/exp/chart.xlsx', out);
writeFileSync('/tmp/exp/chart.pdf', await convertWithLibreOffice(out, 'pdf'));
