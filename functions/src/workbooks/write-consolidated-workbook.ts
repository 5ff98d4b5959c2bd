import type { Worksheet } from 'exceljs';
import {
  CONSOLIDATION_KINDS,
  findUnit,
  formatMessage,
  issueKey,
  type Catalogue,
  type ConsolidatedCell,
  type ConsolidatedRow,
  type Consolidation,
  type Issue,
  type ReturnState,
  type ReturnVersion,
} from '@zj/shared';
import { describeReturned } from './describe-returned.js';
import { setupSheetForPrint } from './workbook-style.js';
import { chinaTime, consolidatedAtNote, columnLetter, fitRowHeights, numFmtOf, putFormula, putHeader, putNumber, putText, putTitle, sheetName, sheetRef } from './sheet-helpers.js';
import { loadExcelJs } from './load-exceljs.js';

export interface ConsolidatedWorkbookInput {
  catalogue: Catalogue;
  /** consolidate(...) of the period. */
  consolidation: Consolidation;
  /** consolidate(...) of the previous period, for the 上期数 column; null when there is none. */
  previous: Consolidation | null;
  /** The stored versions the consolidation used (who, when, explanations, warnings). */
  versions: readonly ReturnVersion[];
  /** Review state of each park's return, when known. */
  states?: Readonly<Record<string, ReturnState>>;
  /** When the data was consolidated: the build time, shown as such (consolidatedAtNote). */
  generatedAt: string;
}

const FIRST_ROW = 4; // rows 1-2 title, 3 header
const SHORT_REASON: Record<string, string> = {
  no_return: '未报送',
  not_reported: '未填报',
  declared_none: '无',
  no_components: '无分子分母',
  missing_component: '缺分子/分母',
  division_by_zero: '分母为0',
  out_of_range: '超出范围',
  not_additive: '不汇总',
  no_contributors: '无数据',
};
const STATE_LABEL: Record<ReturnState, string> = {
  not_started: '未开始',
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  approved: '审核通过',
  late: '逾期未报',
};
const MEASURE_LABEL = { level: '期末数', flow: '当年数', cumulative: '累计数', ratio: '比率', rate: '比值' } as const;
const SOURCE_LABEL = { addin: 'Excel加载项', api: '接口', upload: '上传工作簿' } as const;

// Park sheet columns.
const P = { no: 'A', label: 'B', code: 'C', unit: 'D', value: 'E', previous: 'F', change: 'G', explanation: 'H', check: 'I' } as const;

/**
 * The consolidated workbook (汇总表) of one period: 汇总 (indicators × parks and the zone total),
 * a sheet per park, 填报状态, 校验与说明 and 说明. Every park figure on 汇总 is a formula onto its
 * park sheet; ratios and rates are formulas over their components (Σnumerator ÷ Σdenominator
 * over the parks that reported both), each with the domain's result cached, so the file shows
 * the same numbers with or without recalculation and every number can be traced to a park sheet.
 * The rows of 汇总 and of every park sheet are the catalogue's indicators in the same order.
 */
export async function writeConsolidatedWorkbook(input: ConsolidatedWorkbookInput): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const { catalogue, consolidation: c } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhangjiang park returns';
  wb.created = new Date(input.generatedAt);
  const parkName = (code: string) => catalogue.parks.find((p) => p.code === code)?.name.zh ?? code;
  const taken = new Set(['汇总', '填报状态', '校验与说明', '说明'].map((s) => s.toLowerCase()));
  const sheetOf = new Map(c.units.map((u) => [u, sheetName(parkName(u), taken)]));
  const rowOf = new Map(c.rows.map((r, i) => [r.indicator, FIRST_ROW + i]));
  const versionOf = new Map(input.versions.map((v) => [v.park, v]));
  const zoneName = c.at === catalogue.zone.code ? catalogue.zone.name.zh : parkName(c.at);
  const footer = `${zoneName} ${c.period} 汇总表`;

  const summary = wb.addWorksheet('汇总', { properties: { tabColor: { argb: 'FF2F6EBA' } } });
  const parkSheets = c.units.map((u) => ({ unit: u, ws: wb.addWorksheet(sheetOf.get(u)!) }));
  writeSummary(summary, input, { sheetOf, rowOf, parkName, zoneName, footer });
  for (const { unit, ws } of parkSheets) writeParkSheet(ws, input, unit, { rowOf, parkName, footer, version: versionOf.get(unit) ?? null });
  writeStatusSheet(wb.addWorksheet('填报状态'), input, parkName, footer);
  writeIssuesSheet(wb.addWorksheet('校验与说明'), input, parkName, footer);
  writeNotesSheet(wb.addWorksheet('说明'), input, parkName, zoneName, footer);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface SummaryContext {
  sheetOf: Map<string, string>;
  rowOf: Map<string, number>;
  parkName: (code: string) => string;
  zoneName: string;
  footer: string;
}

function writeSummary(ws: Worksheet, input: ConsolidatedWorkbookInput, ctx: SummaryContext): void {
  const c = input.consolidation;
  const firstPark = 6;
  const totalCol = firstPark + c.units.length;
  const headers = ['序号', '指标', '代码', '单位', '汇总方式', ...c.units.map(ctx.parkName), `${ctx.zoneName}合计`, '报送园区数', '备注'];
  putTitle(
    ws,
    `${ctx.zoneName} ${c.period} 指标汇总表`,
    `${consolidatedAtNote(input.generatedAt, input.catalogue.version)}各园区数值引用各园区工作表,比值类指标 = 分子合计 ÷ 分母合计(只计分子、分母都已填报的园区),不是各园区比值的平均。使用的报送版本见“填报状态”。`,
    headers.length,
  );
  putHeader(ws, 3, headers);
  ws.columns = headers.map((_, i) => ({ width: i === 1 ? 30 : i === 2 ? 22 : i === 0 ? 6 : i === 4 ? 14 : i === headers.length - 1 ? 40 : 14 }));
  c.rows.forEach((row, i) => {
    const r = FIRST_ROW + i;
    const fmt = numFmtOf(row.unit, catalogueValueType(input.catalogue, row.indicator));
    putNumber(ws, `A${r}`, i + 1, { numFmt: '0', align: 'center' });
    putText(ws, `B${r}`, row.name.zh, { wrap: true });
    putText(ws, `C${r}`, row.indicator, { shrink: true });
    putText(ws, `D${r}`, row.unit, { align: 'center' });
    putText(ws, `E${r}`, CONSOLIDATION_KINDS[row.consolidation].description.zh, { wrap: true });
    row.cells.forEach((cell, j) => {
      const address = `${columnLetter(firstPark + j)}${r}`;
      if (cell.value === null) putText(ws, address, SHORT_REASON[cell.reason ?? 'not_reported'] ?? '', { muted: true, align: 'right' });
      else putFormula(ws, address, sheetRef(ctx.sheetOf.get(cell.unit)!, `${P.value}${r}`), cell.value, { numFmt: fmt });
    });
    const total = `${columnLetter(totalCol)}${r}`;
    const formula = totalFormula(row, r, firstPark, c.units.length, ctx, c.periodDays);
    if (row.total.value === null || formula === null) putText(ws, total, SHORT_REASON[row.total.reason ?? 'no_contributors'] ?? '', { muted: true, fill: 'total', align: 'right' });
    else putFormula(ws, total, formula, row.total.value, { numFmt: fmt, bold: true, fill: 'total' });
    putText(ws, `${columnLetter(totalCol + 1)}${r}`, `${row.total.contributing.length}/${c.units.length}`, { align: 'center' });
    const notes = [
      ...(row.total.reason ? [formatMessage(`consolidation_reason_${row.total.reason}`, {}, 'zh')] : []),
      ...(row.missing.length ? [`未含:${row.missing.map(ctx.parkName).join('、')}`] : []),
      ...(row.distinctFrom.length ? [`与${row.distinctFrom.map((d) => indicatorName(input.catalogue, d)).join('、')}口径不同,不相加`] : []),
    ];
    putText(ws, `${columnLetter(totalCol + 2)}${r}`, notes.join(';'), { wrap: true });
  });
  fitRowHeights(ws, FIRST_ROW);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 2, headerFooter: ctx.footer });
}

/**
 * The zone total as a formula: Σ of the row for sums; for ratios and rates Σnumerator ÷
 * Σdenominator × scale over the park sheets of the units that contributed (a 日均 rate divides by
 * the period's days once). Null when the row has no total.
 */
function totalFormula(row: ConsolidatedRow, r: number, firstPark: number, units: number, ctx: SummaryContext, periodDays: number): string | null {
  if (row.total.value === null) return null;
  if (row.consolidation === 'sum') return `SUM(${columnLetter(firstPark)}${r}:${columnLetter(firstPark + units - 1)}${r})`;
  if (row.consolidation !== 'ratio' || !row.components) return null;
  const refs = (component: string) => {
    if (component === 'period_days') return String(periodDays);
    const componentRow = ctx.rowOf.get(component);
    if (componentRow === undefined) return null;
    return `SUM(${row.total.contributing.map((u) => sheetRef(ctx.sheetOf.get(u)!, `${P.value}${componentRow}`)).join(',')})`;
  };
  const num = refs(row.components.numerator);
  const den = refs(row.components.denominator);
  if (num === null || den === null) return null;
  return `${num}/${den}${row.components.scale === 1 ? '' : `*${row.components.scale}`}`;
}

function writeParkSheet(
  ws: Worksheet,
  input: ConsolidatedWorkbookInput,
  unit: string,
  ctx: { rowOf: Map<string, number>; parkName: (c: string) => string; footer: string; version: ReturnVersion | null },
): void {
  const c = input.consolidation;
  const prev = input.previous;
  const v = ctx.version;
  const returned = describeReturned(c.ignored, unit);
  const headers = ['序号', '指标', '代码', '单位', `本期数(${c.period})`, `上期数(${prev?.period ?? '—'})`, '增减', '说明', '校验提示'];
  putTitle(
    ws,
    `${ctx.parkName(unit)} ${c.period} 指标数据`,
    v
      ? `报送版本 v${v.version},${v.submittedBy.name} 于 ${chinaTime(v.submittedAt)} 报送(${SOURCE_LABEL[v.source]});模板版本 ${v.templateVersion.slice(0, 12)};内容校验值 ${v.contentHash.slice(0, 12)}${returned ? `;${returned},未使用` : ''}`
      : returned
        ? `本期无可用报送:${returned}。`
        : '本期未报送。',
    headers.length,
  );
  putHeader(ws, 3, headers);
  // 增减 holds up to "+10.71个百分点" (14 units): narrower, Excel shows ####.
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 22 }, { width: 9 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 40 }, { width: 40 }];
  const explanations = explanationsByField(v);
  const warnings = warningsByField(v);
  c.rows.forEach((row, i) => {
    const r = FIRST_ROW + i;
    const fmt = numFmtOf(row.unit, catalogueValueType(input.catalogue, row.indicator));
    const cell = row.cells.find((x) => x.unit === unit)!;
    const prevCell = prev?.rows.find((x) => x.indicator === row.indicator)?.cells.find((x) => x.unit === unit) ?? null;
    putNumber(ws, `${P.no}${r}`, i + 1, { numFmt: '0', align: 'center' });
    putText(ws, `${P.label}${r}`, row.name.zh, { wrap: true });
    putText(ws, `${P.code}${r}`, row.indicator, { shrink: true });
    putText(ws, `${P.unit}${r}`, row.unit, { align: 'center' });
    writeFigure(ws, P.value, r, row, cell, ctx.rowOf, c.periodDays, fmt);
    writeFigure(ws, P.previous, r, row, prevCell, ctx.rowOf, prev?.periodDays ?? c.periodDays, fmt);
    if (cell.value !== null && prevCell?.value != null) {
      if (row.unit === '%') {
        // Shares change in 百分点 (percentage points), not in percent of themselves.
        putFormula(ws, `${P.change}${r}`, `${P.value}${r}-${P.previous}${r}`, cell.value - prevCell.value, { numFmt: '+0.00"个百分点";-0.00"个百分点";0.00' });
      } else if (prevCell.value !== 0) {
        putFormula(ws, `${P.change}${r}`, `${P.value}${r}/${P.previous}${r}-1`, cell.value / prevCell.value - 1, { numFmt: '+0.0%;-0.0%;0.0%' });
      } else putText(ws, `${P.change}${r}`, '');
    } else putText(ws, `${P.change}${r}`, '');
    putText(ws, `${P.explanation}${r}`, (explanations.get(row.indicator) ?? []).join('\n'), { wrap: true });
    putText(ws, `${P.check}${r}`, (warnings.get(row.indicator) ?? []).map((w) => w.message.zh).join('\n'), { wrap: true });
  });
  fitRowHeights(ws, FIRST_ROW);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 2, headerFooter: `${ctx.footer} · ${ctx.parkName(unit)}` });
}

/**
 * A figure on a park sheet: ratios and rates as a formula over their component rows, others as
 * numbers; 无 where the park declared it none (its explanation is in 说明), else blank.
 */
function writeFigure(ws: Worksheet, col: string, r: number, row: ConsolidatedRow, cell: ConsolidatedCell | null, rowOf: Map<string, number>, days: number, fmt: string): void {
  const address = `${col}${r}`;
  const value = cell?.value ?? null;
  if (value === null) {
    if (cell?.reason === 'declared_none') putText(ws, address, SHORT_REASON['declared_none']!, { align: 'right' });
    else putText(ws, address, '', { numFmt: fmt });
    return;
  }
  if (row.consolidation === 'ratio' && row.components) {
    const ref = (component: string) => (component === 'period_days' ? String(days) : rowOf.has(component) ? `${col}${rowOf.get(component)}` : null);
    const num = ref(row.components.numerator);
    const den = ref(row.components.denominator);
    if (num !== null && den !== null) {
      putFormula(ws, address, `${num}/${den}${row.components.scale === 1 ? '' : `*${row.components.scale}`}`, value, { numFmt: fmt });
      return;
    }
  }
  putNumber(ws, address, value, { numFmt: fmt });
}

function fieldOf(path: string): string | null {
  const m = /^(?:figures|baselines)\.(.+)$/.exec(path);
  return m ? m[1]! : null;
}

/** Explanations (说明) of a version by indicator: typed in the sheet (field:<key>) or filed under an issue key. */
function explanationsByField(v: ReturnVersion | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!v) return out;
  const add = (field: string, text: string) => out.set(field, [...(out.get(field) ?? []), text]);
  const byKey = new Map(v.issues.map((i) => [issueKey(i), i]));
  for (const [key, text] of Object.entries(v.input.explanations ?? {})) {
    if (!text.trim()) continue;
    const field = key.startsWith('field:') ? key.slice(6) : fieldOf(byKey.get(key)?.path ?? '');
    if (field) add(field, text.trim());
  }
  for (const [k, texts] of out) out.set(k, [...new Set(texts)]);
  return out;
}

function warningsByField(v: ReturnVersion | null): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const issue of v?.issues ?? []) {
    const field = fieldOf(issue.path);
    if (field) out.set(field, [...(out.get(field) ?? []), issue]);
  }
  return out;
}

function writeStatusSheet(ws: Worksheet, input: ConsolidatedWorkbookInput, parkName: (c: string) => string, footer: string): void {
  const c = input.consolidation;
  const headers = ['园区', '状态', '使用版本', '报送人', '报送时间(北京时间)', '来源', '模板版本', '内容校验值', '警告', '已说明'];
  putTitle(ws, `${c.period} 填报状态`, `每个园区使用最新的未被退回的报送版本(审核通过或待审核);被审核退回的版本不使用;所有版本均保留,不覆盖。`, headers.length);
  putHeader(ws, 3, headers);
  ws.columns = [{ width: 14 }, { width: 12 }, { width: 10 }, { width: 24 }, { width: 20 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 8 }, { width: 8 }];
  const versions = new Map(input.versions.map((v) => [v.park, v]));
  c.units.forEach((unit, i) => {
    const r = FIRST_ROW + i;
    const v = versions.get(unit);
    const state = input.states?.[unit];
    putText(ws, `A${r}`, parkName(unit));
    putText(ws, `B${r}`, state ? STATE_LABEL[state] : v ? '已报送' : '未报送', v ? {} : { fill: 'notReported' });
    if (!v) {
      for (const col of 'CDEFGHIJ') putText(ws, `${col}${r}`, '');
      const returned = describeReturned(c.ignored, unit);
      if (returned) putText(ws, `C${r}`, `无(${returned})`, { wrap: true });
      return;
    }
    const warnings = v.issues.filter((x) => x.severity === 'warning');
    const explained = explanationsByField(v);
    putText(ws, `C${r}`, `v${v.version}`, { align: 'center' });
    putText(ws, `D${r}`, v.submittedBy.name);
    putText(ws, `E${r}`, chinaTime(v.submittedAt));
    putText(ws, `F${r}`, SOURCE_LABEL[v.source]);
    putText(ws, `G${r}`, v.templateVersion.slice(0, 12));
    putText(ws, `H${r}`, v.contentHash.slice(0, 12));
    putNumber(ws, `I${r}`, warnings.length, { numFmt: '0' });
    putNumber(ws, `J${r}`, warnings.filter((w) => explained.has(fieldOf(w.path) ?? '')).length, { numFmt: '0' });
  });
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 1, headerFooter: footer });
}

function writeIssuesSheet(ws: Worksheet, input: ConsolidatedWorkbookInput, parkName: (c: string) => string, footer: string): void {
  const headers = ['园区', '指标', '代码', '级别', '问题代码', '校验提示', '填报说明'];
  putTitle(ws, `${input.consolidation.period} 校验与说明`, '各园区所用版本中的校验警告及园区填写的说明(按原文照录)。', headers.length);
  putHeader(ws, 3, headers);
  ws.columns = [{ width: 12 }, { width: 28 }, { width: 22 }, { width: 8 }, { width: 22 }, { width: 50 }, { width: 50 }];
  let r = FIRST_ROW;
  for (const v of input.versions) {
    const explanations = explanationsByField(v);
    for (const issue of v.issues) {
      const field = fieldOf(issue.path);
      putText(ws, `A${r}`, parkName(v.park));
      putText(ws, `B${r}`, field ? indicatorName(input.catalogue, field) : issue.path, { wrap: true });
      putText(ws, `C${r}`, field ?? '', { shrink: true });
      putText(ws, `D${r}`, issue.severity === 'error' ? '错误' : '警告', { align: 'center' });
      putText(ws, `E${r}`, issue.code, { shrink: true });
      putText(ws, `F${r}`, issue.message.zh, { wrap: true });
      putText(ws, `G${r}`, v.input.explanations?.[issueKey(issue)] ?? (field ? (explanations.get(field) ?? []).join('\n') : ''), { wrap: true });
      r += 1;
    }
  }
  if (r === FIRST_ROW) putText(ws, `A${r}`, '所用版本均无校验警告。');
  fitRowHeights(ws, FIRST_ROW);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 1, headerFooter: footer });
}

function writeNotesSheet(ws: Worksheet, input: ConsolidatedWorkbookInput, parkName: (c: string) => string, zoneName: string, footer: string): void {
  const c = input.consolidation;
  ws.columns = [{ width: 26 }, { width: 30 }, { width: 10 }, { width: 12 }, { width: 16 }, { width: 50 }, { width: 30 }];
  putTitle(ws, `${zoneName} ${c.period} 汇总表说明`, consolidatedAtNote(input.generatedAt, input.catalogue.version), 7);
  let r = 3;
  const line = (key: string, value: string) => {
    putText(ws, `A${r}`, key, { bold: true, wrap: true });
    ws.mergeCells(r, 2, r, 7);
    putText(ws, `B${r}`, value, { wrap: true });
    r += 1;
  };
  line('期间', `${c.period}(${c.periodDays}天)`);
  line('汇总范围', `${zoneName}:${c.units.map(parkName).join('、')}`);
  line('使用的报送版本', c.sources.map((s) => `${parkName(s.park)} v${s.version}`).join(';') || '无');
  const missing = (p: string) => [parkName(p), describeReturned(c.ignored, p)].filter(Boolean).join(':');
  line('未报送园区', c.missingReturns.map(missing).join('、') || '无');
  if (c.ignored.length) line('未使用的报表', c.ignored.map((x) => `${parkName(x.park)} v${x.version}:${formatMessage(`consolidation_ignored_${x.reason}`, {}, 'zh')}`).join(';'));
  for (const kind of Object.values(CONSOLIDATION_KINDS)) line(`汇总方式:${kind.description.zh}`, kindNote(kind.kind));
  line('空白单元格', Object.entries(SHORT_REASON).map(([code, label]) => `${label}:${formatMessage(`consolidation_reason_${code}`, {}, 'zh')}`).join(';'));
  line('字体', '等线(Excel 2016 及以后、WPS 均可显示;缺少时由软件替换为其他中文字体)。');
  r += 1;
  putHeader(ws, r, ['代码', '指标', '单位', '口径', '汇总方式', '定义', '计算公式']);
  r += 1;
  for (const ind of input.catalogue.indicators) {
    putText(ws, `A${r}`, ind.code, { shrink: true });
    putText(ws, `B${r}`, ind.name.zh, { wrap: true });
    putText(ws, `C${r}`, ind.unit, { align: 'center' });
    putText(ws, `D${r}`, MEASURE_LABEL[ind.measure]);
    putText(ws, `E${r}`, CONSOLIDATION_KINDS[ind.consolidation].description.zh, { wrap: true });
    putText(ws, `F${r}`, ind.definition.zh, { wrap: true });
    const comp = ind.components;
    const part = (ref: NonNullable<typeof comp>['numerator']) => ('indicator' in ref ? indicatorName(input.catalogue, ref.indicator) : '本期天数');
    putText(ws, `G${r}`, comp ? `${part(comp.numerator)} ÷ ${part(comp.denominator)}${comp.scale === 1 ? '' : ` × ${comp.scale}`}` : '', { wrap: true });
    r += 1;
  }
  r += 1;
  putHeader(ws, r, ['单位', '英文', '换算', '', '', '', '']);
  r += 1;
  for (const code of [...new Set(input.catalogue.indicators.map((i) => i.unit))]) {
    putText(ws, `A${r}`, code);
    putText(ws, `B${r}`, findUnit(code)?.name.en ?? '');
    putText(ws, `C${r}`, code === '万元' ? '1亿元 = 10000万元' : code === '人' ? '1万人 = 10000人' : '');
    r += 1;
  }
  fitRowHeights(ws, 3);
  setupSheetForPrint(ws, { titleRows: 2, frozenColumns: 0, headerFooter: footer });
  ws.views = [{}];
}

function kindNote(kind: string): string {
  if (kind === 'ratio') return '比值 = 各园区分子之和 ÷ 各园区分母之和(× 比例系数),只计两者都已填报的园区;日均类指标的分母为本期天数,只计一次。公式见“汇总”表合计列。';
  if (kind === 'sum') return '合计 = 各园区已填报数值之和,空白不计为0;公式见“汇总”表合计列。';
  return '各园区口径不同(如占本区的比重),只列各园区数值,不计合计。';
}

function indicatorName(catalogue: Catalogue, code: string): string {
  return catalogue.indicators.find((i) => i.code === code)?.name.zh ?? code;
}

function catalogueValueType(catalogue: Catalogue, code: string): 'integer' | 'decimal' {
  return catalogue.indicators.find((i) => i.code === code)?.valueType ?? 'decimal';
}
