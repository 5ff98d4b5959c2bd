import type { Worksheet } from 'exceljs';
import {
  CONSOLIDATION_KINDS,
  askedIndicators,
  formatMessage,
  issueKey,
  roundDecimals,
  type Catalogue,
  type ConsolidatedCell,
  type ConsolidatedRow,
  type Consolidation,
  type Indicator,
  type Issue,
  type ReturnState,
  type ReturnVersion,
} from '@zj/shared';
import { describeReturned } from './describe-returned.js';
import { leaderUnitOf, toDisplay, type DisplayUnit } from './display-units.js';
import { periodLabel } from './period-label.js';
import { NONE_FORMAT, setupSheetForPrint } from './workbook-style.js';
import {
  chinaTime,
  consolidatedAtNote,
  columnLetter,
  fitRowHeights,
  numFmtOf,
  putFormula,
  putHeader,
  putNumber,
  putText,
  putTitle,
  sheetName,
  sheetRef,
} from './sheet-helpers.js';
import { loadExcelJs } from './load-exceljs.js';
import { versionLabel } from './version-label.js';
import { packWorkbook } from './pack-workbook.js';

export interface ConsolidatedWorkbookInput {
  catalogue: Catalogue;
  /** consolidate(...) of the period. */
  consolidation: Consolidation;
  /**
   * consolidate(...) of the same period a year earlier (上年同期: 2025Q3 for 2026Q3, 2025 for 2026),
   * for the 上年同期 and 同比 columns; null when there is none. Never the previous quarter, whose
   * year-to-date flows a later quarter includes (docs/domain.md, "Periods and comparisons").
   */
  lastYear: Consolidation | null;
  /** The stored versions the consolidation used (who, when, explanations, warnings). */
  versions: readonly ReturnVersion[];
  /** Review state of each park's return, when known. */
  states?: Readonly<Record<string, ReturnState>>;
  /** When the data was consolidated: the build time, shown as such (consolidatedAtNote). */
  generatedAt: string;
}

const FIRST_ROW = 4; // rows 1-2 title, 3 header
/** What a blank cell says instead of a number (docs/domain.md, "Blank, not applicable, not reported"). */
const SHORT_REASON: Record<string, string> = {
  not_applicable: '—',
  no_return: '未报送',
  not_reported: '未填报',
  no_components: '无分子分母',
  missing_component: '缺分子或分母',
  division_by_zero: '分母为0',
  out_of_range: '超出范围',
  not_additive: '不合计',
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
const MEASURE_LABEL = { level: '期末数', flow: '当年数', cumulative: '自方案起始年累计', ratio: '比率', rate: '比值' } as const;
const SOURCE_LABEL = { addin: 'Excel加载项', api: '接口', upload: '上传工作簿' } as const;
const CHANGE_FORMAT = { percent: '+0.0%;-0.0%;0.0%', points: '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"' } as const;

// Park sheet columns: the statistician's view, in the units reported.
const P = { no: 'A', label: 'B', code: 'C', unit: 'D', value: 'E', lastYear: 'F', change: 'G', explanation: 'H', check: 'I' } as const;

/**
 * The consolidated workbook (汇总表) of one period: 汇总 (indicators × parks, the total, last
 * year's total and 同比), a sheet per park (its figures as reported, 上年同期 and 同比, its
 * explanations and warnings), 填报状态, 校验与说明 and 说明. Every park figure on 汇总 is a formula
 * onto its park sheet; totals and ratios are formulas too (Σnumerator ÷ Σdenominator over the parks
 * that reported both), each with the domain's result cached, so the file shows the same numbers
 * with or without recalculation and every number can be traced to a park sheet.
 * A park never asked for an indicator shows "—" (不适用) and is not counted; a partial total says
 * how many parks it holds (docs/domain.md, "Consolidation"). Leaders' amounts are in 亿元.
 */
export async function writeConsolidatedWorkbook(input: ConsolidatedWorkbookInput): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const { catalogue, consolidation: c } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhangjiang park returns';
  wb.created = new Date(input.generatedAt);
  const names = new Map(catalogue.parks.map((p) => [p.code, p.name.zh]));
  const parkName = (code: string) => names.get(code) ?? code;
  const taken = new Set(['汇总', '填报状态', '校验与说明', '说明', '指标口径'].map((s) => s.toLowerCase()));
  const sheetOf = new Map(c.units.map((u) => [u, sheetName(parkName(u), taken)]));
  const zoneName = c.at === catalogue.zone.code ? catalogue.zone.name.zh : parkName(c.at);
  const period = periodLabel(c.period);
  const ctx: Context = {
    input,
    parkName,
    sheetOf,
    indicators: new Map(catalogue.indicators.map((i) => [i.code, i])),
    layouts: new Map(c.units.map((u) => [u, parkLayout(input, u)])),
    zoneName,
    period,
    lastPeriod: input.lastYear ? periodLabel(input.lastYear.period) : null,
    footer: `${zoneName}${period}汇总表`,
  };
  const summary = wb.addWorksheet('汇总', { properties: { tabColor: { argb: 'FF2F6EBA' } } });
  const parkSheets = c.units.map((u) => ({ unit: u, ws: wb.addWorksheet(sheetOf.get(u)!) }));
  writeSummary(summary, ctx);
  const versionOf = new Map(input.versions.map((v) => [v.park, v]));
  for (const { unit, ws } of parkSheets) writeParkSheet(ws, ctx, unit, versionOf.get(unit) ?? null);
  writeStatusSheet(wb.addWorksheet('填报状态'), ctx);
  writeIssuesSheet(wb.addWorksheet('校验与说明'), ctx);
  writeNotesSheet(wb.addWorksheet('说明'), ctx);
  writeDefinitionsSheet(wb.addWorksheet('指标口径'), ctx);
  return packWorkbook(wb);
}

interface Context {
  input: ConsolidatedWorkbookInput;
  parkName: (code: string) => string;
  sheetOf: ReadonlyMap<string, string>;
  indicators: ReadonlyMap<string, Indicator>;
  layouts: ReadonlyMap<string, ParkLayout>;
  zoneName: string;
  period: string;
  lastPeriod: string | null;
  footer: string;
}

/** A park sheet's rows: the indicators the park is asked for, in its template's order. */
interface ParkLayout {
  /** Row codes in order. */
  codes: string[];
  /** Sheet row of an indicator, including those answered by another row (sameFigures). */
  rowOf: Map<string, number>;
  /** Indicators each row also answers (奉贤园's 三大特色产业总规模 is its 主导及特色产业营收). */
  sameAs: Map<string, string[]>;
}

function parkLayout(input: ConsolidatedWorkbookInput, unit: string): ParkLayout {
  const { catalogue, consolidation: c } = input;
  const isPark = catalogue.parks.some((p) => p.code === unit);
  if (!isPark) {
    const codes = c.rows.map((r) => r.indicator);
    return { codes, rowOf: new Map(codes.map((code, i) => [code, FIRST_ROW + i])), sameAs: new Map() };
  }
  const asked = askedIndicators(catalogue, unit);
  const codes = asked.rows.map((r) => r.code);
  const rowOf = new Map(codes.map((code, i) => [code, FIRST_ROW + i]));
  const sameAs = new Map<string, string[]>();
  for (const [alias, primary] of asked.primaryOf) {
    const row = rowOf.get(primary);
    if (row === undefined) continue;
    rowOf.set(alias, row);
    sameAs.set(primary, [...(sameAs.get(primary) ?? []), alias]);
  }
  return { codes, rowOf, sameAs };
}

/**
 * A part-year rate over a flow (劳动生产率 = 增加值 ÷ 从业人员 in 1-9月) is the year-to-date figure,
 * not an annual one, and says so (docs/domain.md, "Periods and comparisons").
 */
function periodNote(ind: Indicator, period: string, indicators: ReadonlyMap<string, Indicator>): string {
  if (!/Q[1-4]$/.test(period) || ind.measure !== 'rate' || !ind.components) return '';
  const { numerator, denominator } = ind.components;
  const flow = 'indicator' in numerator && indicators.get(numerator.indicator)?.measure === 'flow';
  return flow && 'indicator' in denominator ? '（本年累计，未年化）' : '';
}

function labelOf(ctx: Context, code: string, sameAs: readonly string[] = []): string {
  const ind = ctx.indicators.get(code)!;
  const also = sameAs.map((a) => ctx.indicators.get(a)?.name.zh ?? a);
  return `${ind.name.zh}${also.length ? `（即${also.join('、')}）` : ''}${periodNote(ind, ctx.input.consolidation.period, ctx.indicators)}`;
}

/** "5园合计", "4园合计（青浦园未报送）", "1园合计（仅金山园填报此项）", or why there is no total. */
function totalNote(ctx: Context, row: ConsolidatedRow, comparable: boolean | null): string {
  const k = row.total.contributing.length;
  const n = row.asked.length;
  const absent = row.asked.filter((u) => !row.total.contributing.includes(u));
  const why = absent.map((u) => `${ctx.parkName(u)}${SHORT_REASON[row.cells.find((x) => x.unit === u)?.reason ?? 'not_reported'] ?? ''}`).join('、');
  const notes: string[] = [];
  if (row.total.value !== null) notes.push(`${k}园合计${absent.length ? `（${why}）` : n === 1 ? `（仅${ctx.parkName(row.asked[0]!)}填报此项）` : ''}`);
  else if (row.total.reason === 'not_additive') notes.push(row.note?.zh ?? formatMessage('consolidation_reason_not_additive', {}, 'zh'));
  else if (row.total.reason === 'no_contributors') notes.push(`无合计（${why}）`);
  else if (row.total.reason) notes.push(formatMessage(`consolidation_reason_${row.total.reason}`, {}, 'zh'));
  if (comparable === false) notes.push('上年同期缺部分园区数据，不计同比');
  return notes.join('；');
}

/**
 * Last year's total over this year's parks (可比口径): Σ of their 上年同期 figures, or Σnumerator ÷
 * Σdenominator over them; null when one of them has no figure for last year, so 同比 compares
 * like with like or not at all.
 */
function comparableLastYear(row: ConsolidatedRow, lastYear: ConsolidatedRow | undefined): number | null {
  if (!lastYear || row.total.value === null) return null;
  const cells = row.total.contributing.map((u) => lastYear.cells.find((x) => x.unit === u));
  if (cells.some((x) => x === undefined || x.value === null)) return null;
  if (row.consolidation === 'sum') return cells.reduce((acc, x) => acc + x!.value!, 0);
  if (!row.components) return null;
  if (row.components.denominator === 'period_days')
    return lastYear.total.denominator === null
      ? null
      : (cells.reduce((acc, x) => acc + (x!.numerator ?? 0), 0) / lastYear.total.denominator) * row.components.scale;
  const num = cells.reduce((acc, x) => acc + (x!.numerator ?? 0), 0);
  const den = cells.reduce((acc, x) => acc + (x!.denominator ?? 0), 0);
  return den === 0 ? null : (num / den) * row.components.scale;
}

function writeSummary(ws: Worksheet, ctx: Context): void {
  const { input } = ctx;
  const c = input.consolidation;
  const last = input.lastYear;
  const lastRows = new Map((last?.rows ?? []).map((r) => [r.indicator, r]));
  const FIRST_PARK = 5;
  const totalCol = FIRST_PARK + c.units.length;
  const headers = [
    '序号',
    '指标',
    '代码',
    '单位',
    ...c.units.map(ctx.parkName),
    '合计',
    `上年同期${ctx.lastPeriod ? `\n（${ctx.lastPeriod}）` : ''}`,
    '同比',
    '合计说明',
  ];
  putTitle(
    ws,
    `${ctx.zoneName}${ctx.period}主要指标汇总表`,
    `${consolidatedAtNote(input.generatedAt, input.catalogue.version)}各园区数值引用各园区工作表；“—”表示未要求该园区填报此项（不适用），不计入合计；比值类指标 = 分子合计 ÷ 分母合计（只计分子、分母都已填报的园区），不是各园区比值的平均。上年同期按本期合计的同一批园区计算（可比口径）。金额单位为亿元。使用的报送版本见“填报状态”。`,
    headers.length,
  );
  putHeader(ws, 3, headers);
  ws.getRow(3).height = 34;
  // 同比 holds up to "+10.71个百分点" (14 units); narrower, Excel shows ####.
  ws.columns = headers.map((_, i) => ({
    width: i === 0 ? 4 : i === 1 ? 16 : i === 2 ? 16 : i === 3 ? 6 : i === headers.length - 1 ? 18 : i === headers.length - 2 ? 15 : 10,
  }));
  ws.getColumn(3).hidden = true; // codes identify rows for programs; they do not print
  const rows = c.rows.filter((row) => row.asked.length > 0);
  rows.forEach((row, i) => {
    const r = FIRST_ROW + i;
    const ind = ctx.indicators.get(row.indicator)!;
    const unit = leaderUnitOf(row.unit, ind.valueType);
    const scaled = (ref: string) => (unit.divisor === 1 ? ref : `${ref}/${unit.divisor}`);
    putNumber(ws, `A${r}`, i + 1, { numFmt: '0', align: 'center' });
    putText(ws, `B${r}`, labelOf(ctx, row.indicator), { wrap: true });
    putText(ws, `C${r}`, row.indicator);
    putText(ws, `D${r}`, unit.unit, { align: 'center', wrap: true });
    row.cells.forEach((cell, j) => {
      const address = `${columnLetter(FIRST_PARK + j)}${r}`;
      const at = ctx.layouts.get(cell.unit)?.rowOf.get(row.indicator);
      if (cell.value === null || at === undefined) {
        putText(ws, address, SHORT_REASON[cell.reason ?? 'not_reported'] ?? '', { muted: true, align: cell.reason === 'not_applicable' ? 'center' : 'right' });
      } else {
        putFormula(ws, address, scaled(sheetRef(ctx.sheetOf.get(cell.unit)!, `${P.value}${at}`)), toDisplay(cell.value, unit)!, {
          numFmt: cell.declaredNone ? NONE_FORMAT : unit.numFmt,
        });
      }
    });
    const total = `${columnLetter(totalCol)}${r}`;
    const formula = totalFormula(ctx, row, r, FIRST_PARK, P.value, unit);
    // Cached as the formula computes it: a sum of the park cells as shown (each ÷ 10000 for 亿元),
    // so 同比 over it agrees with a recalculation to the last digit.
    const shownTotal =
      row.total.value === null
        ? null
        : row.consolidation === 'sum' && unit.divisor !== 1
          ? row.cells.reduce((acc, x) => acc + (x.value === null ? 0 : x.value / unit.divisor), 0)
          : toDisplay(row.total.value, unit)!;
    if (row.total.value === null || formula === null)
      putText(ws, total, SHORT_REASON[row.total.reason ?? 'no_contributors'] ?? '', { muted: true, fill: 'total', align: 'center' });
    else putFormula(ws, total, formula, shownTotal!, { numFmt: unit.numFmt, bold: true, fill: 'total' });
    // 上年同期 over the same parks as this year's total (可比口径), from the park sheets' 上年同期
    // column, and 同比 against it.
    const before = lastRows.get(row.indicator);
    const lastCell = `${columnLetter(totalCol + 1)}${r}`;
    const comparable = comparableLastYear(row, before);
    const lastFormula = comparable !== null ? totalFormula(ctx, row, r, FIRST_PARK, P.lastYear, unit, true) : null;
    if (comparable !== null && lastFormula !== null) putFormula(ws, lastCell, lastFormula, toDisplay(comparable, unit)!, { numFmt: unit.numFmt });
    else putText(ws, lastCell, '', {});
    const change = `${columnLetter(totalCol + 2)}${r}`;
    if (row.total.value !== null && comparable !== null && lastFormula !== null && formula !== null) {
      writeChange(ws, change, row.unit, total, lastCell, shownTotal!, toDisplay(comparable, unit)!);
    } else putText(ws, change, '', {});
    const hasLastYear = before !== undefined && row.total.value !== null;
    putText(ws, `${columnLetter(totalCol + 3)}${r}`, totalNote(ctx, row, hasLastYear ? comparable !== null : null), { wrap: true });
  });
  fitRowHeights(ws, 2);
  // 序号, 指标, the code (hidden) and 单位 stay in view and repeat on every page across.
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 4, headerFooter: ctx.footer });
}

/**
 * A total as a formula: Σ of the row's park cells for sums (this year on 汇总 itself); for ratios
 * and rates Σnumerator ÷ Σdenominator × scale over the park sheets of the parks that contributed
 * (a 日均 rate divides by the period's days once). `column` is the park sheets' 本期数 or 上年同期.
 * Null when the row has no total.
 */
function totalFormula(ctx: Context, row: ConsolidatedRow, r: number, firstPark: number, column: string, unit: DisplayUnit, parkSheets = false): string | null {
  const c = ctx.input.consolidation;
  const ref = (u: string, code: string) => {
    const at = ctx.layouts.get(u)?.rowOf.get(code);
    return at === undefined ? null : sheetRef(ctx.sheetOf.get(u)!, `${column}${at}`);
  };
  if (row.consolidation === 'sum') {
    if (!parkSheets) return `SUM(${columnLetter(firstPark)}${r}:${columnLetter(firstPark + c.units.length - 1)}${r})`;
    const refs = row.total.contributing.map((u) => ref(u, row.indicator));
    if (refs.some((x) => x === null) || refs.length === 0) return null;
    return `SUM(${refs.join(',')})${unit.divisor === 1 ? '' : `/${unit.divisor}`}`;
  }
  if (row.consolidation !== 'ratio' || !row.components) return null;
  const days = column === P.value ? c.periodDays : (ctx.input.lastYear?.periodDays ?? c.periodDays);
  const sum = (component: string) => {
    if (component === 'period_days') return String(days);
    const refs = row.total.contributing.map((u) => ref(u, component));
    return refs.some((x) => x === null) ? null : `SUM(${refs.join(',')})`;
  };
  const num = sum(row.components.numerator);
  const den = sum(row.components.denominator);
  if (num === null || den === null) return null;
  return `${num}/${den}${row.components.scale === 1 ? '' : `*${row.components.scale}`}`;
}

/**
 * 同比: a share changes in 个百分点; anything else in percent of last year's figure (none from 0).
 * Rounded to the precision it prints (0.01个百分点, 0.1%): a share that moved by 3e-9 points
 * reads 0.00, not −0.00, and the cell holds what it shows.
 */
function writeChange(ws: Worksheet, address: string, unit: string, now: string, before: string, nowValue: number, beforeValue: number): void {
  if (unit === '%')
    putFormula(ws, address, `ROUND(${now}-${before},2)`, roundDecimals(nowValue - beforeValue, 2), { numFmt: CHANGE_FORMAT.points, align: 'right' });
  else if (beforeValue !== 0)
    putFormula(ws, address, `ROUND(${now}/${before}-1,3)`, roundDecimals(nowValue / beforeValue - 1, 3), { numFmt: CHANGE_FORMAT.percent, align: 'right' });
  else putText(ws, address, '', {});
}

function writeParkSheet(ws: Worksheet, ctx: Context, unit: string, v: ReturnVersion | null): void {
  const { input } = ctx;
  const c = input.consolidation;
  const last = input.lastYear;
  const layout = ctx.layouts.get(unit)!;
  const returned = describeReturned(c.ignored, unit);
  const headers = ['序号', '指标', '代码', '单位', `本期数\n（${ctx.period}）`, `上年同期\n（${ctx.lastPeriod ?? '无'}）`, '同比', '说明', '校验提示'];
  putTitle(
    ws,
    `${ctx.parkName(unit)}${ctx.period}指标数据`,
    v
      ? `报送版本：${versionLabel(v.version)}，${v.submittedBy.name}于${chinaTime(v.submittedAt)}报送（${SOURCE_LABEL[v.source]}）；模板版本 ${v.templateVersion.slice(0, 12)}；内容校验值 ${v.contentHash.slice(0, 12)}${returned ? `；${returned}，未使用` : ''}。数值为园区填报的单位。`
      : returned
        ? `本期无可用报送：${returned}。`
        : '本期未报送。',
    headers.length,
  );
  putHeader(ws, 3, headers);
  ws.getRow(3).height = 34;
  ws.columns = [
    { width: 4 },
    { width: 22 },
    { width: 16, hidden: true },
    { width: 7 },
    { width: 14 },
    { width: 14 },
    { width: 15 },
    { width: 21 },
    { width: 21 },
  ];
  const rowByCode = new Map(c.rows.map((row) => [row.indicator, row]));
  const lastByCode = new Map((last?.rows ?? []).map((row) => [row.indicator, row]));
  const explanations = explanationsByField(v);
  const warnings = warningsByField(v);
  layout.codes.forEach((code, i) => {
    const r = FIRST_ROW + i;
    const row = rowByCode.get(code)!;
    const ind = ctx.indicators.get(code)!;
    const fmt = numFmtOf(row.unit, ind.valueType);
    const cell = row.cells.find((x) => x.unit === unit)!;
    const before = lastByCode.get(code)?.cells.find((x) => x.unit === unit) ?? null;
    putNumber(ws, `${P.no}${r}`, i + 1, { numFmt: '0', align: 'center' });
    putText(ws, `${P.label}${r}`, labelOf(ctx, code, layout.sameAs.get(code)), { wrap: true });
    putText(ws, `${P.code}${r}`, code);
    putText(ws, `${P.unit}${r}`, row.unit, { align: 'center', wrap: true });
    writeFigure(ws, P.value, r, row, cell, layout.rowOf, c.periodDays, fmt);
    writeFigure(ws, P.lastYear, r, row, before, layout.rowOf, last?.periodDays ?? c.periodDays, fmt);
    if (cell.value !== null && before?.value != null)
      writeChange(ws, `${P.change}${r}`, row.unit, `${P.value}${r}`, `${P.lastYear}${r}`, cell.value, before.value);
    else putText(ws, `${P.change}${r}`, '');
    putText(ws, `${P.explanation}${r}`, (explanations.get(code) ?? []).join('\n'), { wrap: true });
    putText(ws, `${P.check}${r}`, (warnings.get(code) ?? []).map((w) => w.message.zh).join('\n'), { wrap: true });
  });
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 2, headerFooter: `${ctx.footer} · ${ctx.parkName(unit)}` });
}

/**
 * A figure on a park sheet: ratios and rates as a formula over their component rows, others as
 * numbers; 「无」 where the park declared it none (0 formatted "无", its explanation in 说明), blank
 * where it left the figure blank.
 */
function writeFigure(
  ws: Worksheet,
  col: string,
  r: number,
  row: ConsolidatedRow,
  cell: ConsolidatedCell | null,
  rowOf: ReadonlyMap<string, number>,
  days: number,
  fmt: string,
): void {
  const address = `${col}${r}`;
  const value = cell?.value ?? null;
  if (value === null) {
    putText(ws, address, '', { numFmt: fmt });
    return;
  }
  if (cell?.declaredNone) {
    putNumber(ws, address, value, { numFmt: NONE_FORMAT, align: 'right' });
    return;
  }
  if (row.consolidation !== 'sum' && row.components) {
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

function writeStatusSheet(ws: Worksheet, ctx: Context): void {
  const { input } = ctx;
  const c = input.consolidation;
  const headers = ['园区', '状态', '使用版本', '报送人', '报送时间（北京时间）', '来源', '模板版本', '内容校验值', '警告', '已说明'];
  putTitle(
    ws,
    `${ctx.period}填报状态`,
    '每个园区使用最新的未被退回的报送版本（审核通过的，或已报送、尚待审核的）；被审核退回的版本不使用；所有版本均保留，不覆盖。',
    headers.length,
  );
  putHeader(ws, 3, headers);
  ws.getRow(3).height = 34;
  ws.columns = [
    { width: 10 },
    { width: 9 },
    { width: 8 },
    { width: 19 },
    { width: 18 },
    { width: 11 },
    { width: 14 },
    { width: 14 },
    { width: 6 },
    { width: 7 },
  ];
  const versions = new Map(input.versions.map((v) => [v.park, v]));
  c.units.forEach((unit, i) => {
    const r = FIRST_ROW + i;
    const v = versions.get(unit);
    const state = input.states?.[unit];
    putText(ws, `A${r}`, ctx.parkName(unit));
    putText(ws, `B${r}`, state ? STATE_LABEL[state] : v ? '已报送' : '未报送', v ? { align: 'center' } : { fill: 'notReported', align: 'center' });
    if (!v) {
      for (const col of 'CDEFGHIJ') putText(ws, `${col}${r}`, '');
      const returned = describeReturned(c.ignored, unit);
      if (returned) putText(ws, `C${r}`, `无（${returned}）`, { wrap: true });
      return;
    }
    const warnings = v.issues.filter((x) => x.severity === 'warning');
    const explained = explanationsByField(v);
    putText(ws, `C${r}`, versionLabel(v.version), { align: 'center' });
    putText(ws, `D${r}`, v.submittedBy.name, { wrap: true });
    putText(ws, `E${r}`, chinaTime(v.submittedAt));
    putText(ws, `F${r}`, SOURCE_LABEL[v.source], { wrap: true });
    putText(ws, `G${r}`, v.templateVersion.slice(0, 12));
    putText(ws, `H${r}`, v.contentHash.slice(0, 12));
    putNumber(ws, `I${r}`, warnings.length, { numFmt: '0', align: 'center' });
    putNumber(ws, `J${r}`, warnings.filter((w) => explained.has(fieldOf(w.path) ?? '')).length, { numFmt: '0', align: 'center' });
  });
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 1, headerFooter: ctx.footer });
}

function writeIssuesSheet(ws: Worksheet, ctx: Context): void {
  const { input } = ctx;
  const headers = ['园区', '指标', '代码', '级别', '问题代码', '校验提示', '填报说明'];
  putTitle(ws, `${ctx.period}校验与说明`, '各园区所用版本中的校验提示及园区填写的说明（按原文照录）。', headers.length);
  putHeader(ws, 3, headers);
  ws.columns = [{ width: 10 }, { width: 20 }, { width: 16, hidden: true }, { width: 6 }, { width: 18, hidden: true }, { width: 40 }, { width: 40 }];
  let r = FIRST_ROW;
  for (const v of input.versions) {
    const explanations = explanationsByField(v);
    for (const issue of v.issues) {
      const field = fieldOf(issue.path);
      putText(ws, `A${r}`, ctx.parkName(v.park));
      putText(ws, `B${r}`, field ? (ctx.indicators.get(field)?.name.zh ?? field) : issue.path, { wrap: true });
      putText(ws, `C${r}`, field ?? '');
      putText(ws, `D${r}`, issue.severity === 'error' ? '错误' : '警告', { align: 'center' });
      putText(ws, `E${r}`, issue.code);
      putText(ws, `F${r}`, issue.message.zh, { wrap: true });
      putText(ws, `G${r}`, v.input.explanations?.[issueKey(issue)] ?? (field ? (explanations.get(field) ?? []).join('\n') : ''), { wrap: true });
      r += 1;
    }
  }
  if (r === FIRST_ROW) putText(ws, `A${r}`, '所用版本均无校验提示。');
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 1, headerFooter: ctx.footer });
}

function writeNotesSheet(ws: Worksheet, ctx: Context): void {
  const { input } = ctx;
  const c = input.consolidation;
  ws.columns = [{ width: 18 }, { width: 7 }, { width: 10 }, { width: 11 }, { width: 36 }, { width: 16 }, { width: 16 }];
  putTitle(ws, `${ctx.zoneName}${ctx.period}汇总表说明`, consolidatedAtNote(input.generatedAt, input.catalogue.version), 7);
  let r = 3;
  const line = (key: string, value: string) => {
    putText(ws, `A${r}`, key, { bold: true, wrap: true });
    ws.mergeCells(r, 2, r, 7);
    putText(ws, `B${r}`, value, { wrap: true });
    r += 1;
  };
  line(
    '期间',
    `${ctx.period}（${c.periodDays}天）${/Q[1-4]$/.test(c.period) ? '。季报中的当年数为本年1月1日至季末的累计数，与上年同期比较（同比），不与上一季度比较。' : ''}`,
  );
  line('汇总范围', `${ctx.zoneName}：${c.units.map(ctx.parkName).join('、')}`);
  line('使用的报送版本', c.sources.map((s) => `${ctx.parkName(s.park)} ${versionLabel(s.version)}`).join('；') || '无');
  const missing = (p: string) => [ctx.parkName(p), describeReturned(c.ignored, p)].filter(Boolean).join('：');
  line('未报送园区', c.missingReturns.map(missing).join('、') || '无');
  if (c.ignored.length)
    line(
      '未使用的报表',
      c.ignored.map((x) => `${ctx.parkName(x.park)} ${versionLabel(x.version)}：${formatMessage(`consolidation_ignored_${x.reason}`, {}, 'zh')}`).join('；'),
    );
  for (const kind of Object.values(CONSOLIDATION_KINDS)) line(`汇总方式：${kind.description.zh}`, kindNote(kind.kind));
  line('合计', '合计只计要求填报该项的园区。全部要求填报的园区都有数值的，为“n园合计”；部分园区未报送或未填报的，为“k园合计”并注明缺哪些园区。');
  line(
    '单元格中的文字',
    Object.entries(SHORT_REASON)
      .map(([code, label]) => `${label}：${formatMessage(`consolidation_reason_${code}`, {}, 'zh')}`)
      .join('；'),
  );
  line('无', '园区填报为“无”的，按0计入合计（比值的分子为“无”时按0计，分母照常计入）；说明见园区工作表。');
  line('同比', '与上年同期比较：占比类为增减的百分点，其他为增长率。上年同期按本期合计的同一批园区计算（可比口径）；其中有园区缺上年同期数据的，不计同比。');
  line('计量单位', '“汇总”表的金额以亿元列示（1亿元 = 10000万元），面积以万平方米列示；各园区工作表为园区填报的单位（万元、平方米）。');
  line('尾数', '合计、比值和同比均按未经四舍五入的数值计算，再按列示的小数位四舍五入，因此与表中所列数值相加或相除的结果可能有尾数差异。');
  line('字体', '等线（Excel 2016及以后、WPS均可显示；缺少时由软件替换为其他中文字体）。');
  line('指标口径', '“汇总”表所列各指标的单位、口径、汇总方式、定义和计算公式见“指标口径”表。');
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 2, frozenColumns: 0, headerFooter: ctx.footer });
  ws.views = [{}];
}

/**
 * 指标口径: each indicator 汇总 lists, with its unit, measure, how it is consolidated, its
 * definition, formula and the indicators it is kept apart from. A sheet of its own, so that its
 * header row repeats on every printed page (under the notes of 说明 it did not).
 */
function writeDefinitionsSheet(ws: Worksheet, ctx: Context): void {
  const { input } = ctx;
  const c = input.consolidation;
  ws.columns = [{ width: 18 }, { width: 7 }, { width: 10 }, { width: 11 }, { width: 36 }, { width: 16 }, { width: 16 }];
  putTitle(ws, `${ctx.zoneName}${ctx.period}汇总指标口径`, '“汇总”表所列指标的单位、口径、汇总方式、定义与计算公式；口径不同的指标不相加。', 7);
  let r = 3;
  putHeader(ws, r, ['指标', '单位', '口径', '汇总方式', '定义', '计算公式', '口径不同、不相加的指标']);
  r += 1;
  const shown = new Set(c.rows.filter((row) => row.asked.length > 0).map((row) => row.indicator));
  for (const ind of input.catalogue.indicators) {
    if (!shown.has(ind.code)) continue;
    putText(ws, `A${r}`, ind.name.zh, { wrap: true });
    putText(ws, `B${r}`, ind.unit, { align: 'center', wrap: true });
    putText(ws, `C${r}`, MEASURE_LABEL[ind.measure], { wrap: true });
    putText(ws, `D${r}`, CONSOLIDATION_KINDS[ind.consolidation].description.zh, { wrap: true });
    putText(ws, `E${r}`, [ind.definition.zh, ind.consolidationNote?.zh ?? ''].filter(Boolean).join(''), { wrap: true });
    const comp = ind.components;
    const part = (ref: NonNullable<typeof comp>['numerator']) =>
      'indicator' in ref ? (ctx.indicators.get(ref.indicator)?.name.zh ?? ref.indicator) : '本期天数';
    putText(ws, `F${r}`, comp ? `${part(comp.numerator)} ÷ ${part(comp.denominator)}${comp.scale === 1 ? '' : ` × ${comp.scale}`}` : '', { wrap: true });
    putText(ws, `G${r}`, ind.distinctFrom.map((d) => ctx.indicators.get(d.indicator)?.name.zh ?? d.indicator).join('、'), { wrap: true });
    r += 1;
  }
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 1, headerFooter: ctx.footer });
}

function kindNote(kind: string): string {
  if (kind === 'ratio')
    return '比值 = 各园区分子之和 ÷ 各园区分母之和（× 比例系数），只计两者都已填报的园区；日均类指标的分母为本期天数，只计一次。公式见“汇总”表合计列。';
  if (kind === 'sum') return '合计 = 各园区已填报数值之和，空白不计为0；公式见“汇总”表合计列。';
  return '各园区口径不同（如占本区的比重、各园区自身的主导及特色产业），只列各园区数值，不计合计。';
}
