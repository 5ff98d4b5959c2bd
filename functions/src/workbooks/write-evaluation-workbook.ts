import type { Worksheet } from 'exceljs';
import {
  COMPARISON_TOLERANCE,
  MEASURE_KINDS,
  STATUS_RULES,
  formatMessage,
  growthKindOf,
  type Catalogue,
  type EvaluationStatus,
  type Indicator,
  type ParkRankings,
  type TargetEvaluation,
  type YearEvaluation,
} from '@zj/shared';
import type { BarChartSpec } from './chart-xml.js';
import { describeReturned } from './describe-returned.js';
import { leaderUnitOf, toDisplay, type DisplayUnit } from './display-units.js';
import { injectChartParts } from './inject-charts.js';
import { packWorkbook } from './pack-workbook.js';
import { FILLS, NONE_FORMAT, WORKBOOK_FONT, font, setupSheetForPrint } from './workbook-style.js';
import {
  chinaDate,
  columnLetter,
  consolidatedAtNote,
  fitRowHeights,
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

export interface EvaluationWorkbookInput {
  catalogue: Catalogue;
  /** evaluateYear(...) */
  evaluation: YearEvaluation;
  /** rankParks(...) of the same year */
  rankings: ParkRankings;
  /** When the data was consolidated: the build time, shown as such (consolidatedAtNote). */
  generatedAt: string;
}

const STATUSES: readonly EvaluationStatus[] = STATUS_RULES.map((r) => r.status);
const STATUS_FILL: Record<EvaluationStatus, keyof typeof FILLS> = {
  not_reported: 'notReported',
  completed: 'completed',
  ahead: 'ahead',
  on_track: 'onTrack',
  cannot_judge: 'cannotJudge',
  behind: 'behind',
};
const label = (s: EvaluationStatus) => STATUS_RULES.find((r) => r.status === s)!.label.zh;

// Park sheet: one row per target (docs/domain.md, "Evaluation"). Widths keep the sheet within
// A4 landscape at 9 pt or more (workbook-style.ts): the long texts wrap in tall rows.
const FIRST_ROW = 4;
const C = {
  no: 'A',
  indicator: 'B',
  unit: 'C',
  target: 'D',
  baseline: 'E',
  actual: 'F',
  completion: 'G',
  time: 'H',
  increment: 'I',
  status: 'J',
  needed: 'K',
  notes: 'L',
  quote: 'M',
} as const;
// 序号 and 状态 (符合序时进度) on one line; the same 129 in all, so the page scales as before.
const WIDTHS = [4.5, 14, 6, 11, 10, 10, 8, 7, 9, 13, 14, 11.5, 11];
const COMPARISON_SIGN = { gte: '≥', gt: '>', range: '' } as const;

/**
 * The annual evaluation workbook (年度评估): 总览 (status counts per park, a 合计 row, 制表 and 审核
 * lines), a sheet per park with each target's 目标值, 基期值, 实际值, 完成率, 时间进度, 目标增量完成进度,
 * status and what is still needed, each a live formula with the domain's result cached, and a
 * native chart of 目标增量完成进度 against 时间进度; 园区比较 (the common indicators, parks as rows,
 * with ranks); and 说明 with the rules as the evaluation applies them. Amounts are in 亿元.
 */
export async function writeEvaluationWorkbook(input: EvaluationWorkbookInput): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const { catalogue, evaluation } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhangjiang park returns';
  wb.created = new Date(input.generatedAt);
  const names = new Map(catalogue.parks.map((p) => [p.code, p.name.zh]));
  const parkName = (code: string) => names.get(code) ?? code;
  const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const zone = catalogue.zone.name.zh;
  const footer = `${zone}${evaluation.year}年度目标评估`;
  const byPark = new Map<string, TargetEvaluation[]>();
  for (const e of evaluation.evaluations) byPark.set(e.park, [...(byPark.get(e.park) ?? []), e]);
  const parks = catalogue.parks.map((p) => p.code).filter((p) => byPark.has(p));
  const taken = new Set(['总览', CHART_SHEET, '园区比较', '说明'].map((s) => s.toLowerCase()));
  const sheetOf = new Map(parks.map((p) => [p, sheetName(parkName(p), taken)]));
  const ctx: Context = { input, parkName, indicators, footer };

  const overview = wb.addWorksheet('总览', { properties: { tabColor: { argb: 'FF2F6EBA' } } });
  const charts: ParkChart[] = [];
  const statusRange = new Map<string, string>();
  for (const park of parks) {
    const ws = wb.addWorksheet(sheetOf.get(park)!);
    const rows = byPark.get(park)!;
    charts.push(writeParkSheet(ws, ctx, park, rows));
    statusRange.set(park, sheetRef(ws.name, `$${C.status}$${FIRST_ROW}:$${C.status}$${FIRST_ROW + Math.max(rows.length, 1) - 1}`));
  }
  writeOverview(overview, ctx, parks, byPark, statusRange);
  const placed = writeChartSheet(wb.addWorksheet(CHART_SHEET), ctx, charts);
  writeComparison(wb.addWorksheet('园区比较'), ctx);
  writeNotes(wb.addWorksheet('说明'), ctx);
  return packWorkbook(wb, (files) => injectChartParts(files, placed));
}

interface Context {
  input: EvaluationWorkbookInput;
  parkName: (code: string) => string;
  indicators: ReadonlyMap<string, Indicator>;
  footer: string;
}

/** The chart's height in rows of 15 pt: 360 pt, which fits a landscape A4 page below the title rows. */
const CHART_ROWS = 24;
/** The sheet of the parks' charts, a park a page. */
const CHART_SHEET = '进度图';
const CHART_COLUMNS = 10;

/** The longest category label of a chart, in characters; longer names end in "…". */
const CHART_LABEL_LENGTH = 16;
const chartLabel = (name: string) => ([...name].length <= CHART_LABEL_LENGTH ? name : `${[...name].slice(0, CHART_LABEL_LENGTH - 1).join('')}…`);

/** A park's chart before it is placed on 进度图, and how many rows high it is. */
type ParkChart = Omit<BarChartSpec, 'sheetName' | 'from' | 'to'> & { rows: number };

function writeParkSheet(ws: Worksheet, ctx: Context, park: string, rows: TargetEvaluation[]): ParkChart {
  const { input } = ctx;
  const year = input.evaluation.year;
  const name = ctx.parkName(park);
  const source = input.evaluation.sources.find((s) => s.park === park);
  const returned = describeReturned(input.evaluation.ignored, park);
  const plan = input.catalogue.parks.find((p) => p.code === park)!;
  const baseYear = plan.plan.startYear - 1;
  const targetYears = [...new Set(rows.map((e) => e.target.year))];
  const targetYear = targetYears.length === 1 ? targetYears[0]! : null;
  const headers = [
    // Broken before the year, so no header wraps inside its brackets (（2026 / 年）).
    '序号',
    '指标',
    '单位',
    targetYear === null ? '目标值' : `目标值\n（${targetYear}年）`,
    `基期值\n（${baseYear}年）`,
    `实际值\n（${year}年）`,
    '完成率',
    '时间进度',
    '目标增量完成进度',
    '状态',
    targetYear === null ? '还需' : `还需\n（至${targetYear}年）`,
    '说明',
    '目标原文',
  ];
  const document = plan.documentNumber ? `（${plan.documentNumber}）` : '';
  putTitle(
    ws,
    `${name}${year}年度目标评估`,
    `依据：${plan.planTitle}${document}${plan.draft ? '，征求意见稿，目标可能调整' : ''}。实际值取自${year}年年报${source ? versionLabel(source.version) : '（未报送）'}${returned ? `（${returned}，未使用）` : ''}。` +
      `完成率 = 实际值 ÷ 目标值；时间进度 =（${year} − ${baseYear}）÷（目标年 − ${baseYear}）；目标增量完成进度 =（实际值 − 基期值）÷（目标值 − 基期值），不低于时间进度即符合序时进度。金额单位为亿元。`,
    headers.length,
  );
  putHeader(ws, 3, headers);
  ws.getRow(3).height = 34;
  ws.columns = WIDTHS.map((width) => ({ width }));
  rows.forEach((e, i) => writeTargetRow(ws, FIRST_ROW + i, i + 1, e, ctx, targetYear));
  const last = FIRST_ROW + Math.max(rows.length, 1) - 1;
  for (const status of STATUSES) {
    ws.addConditionalFormatting({
      ref: `${C.status}${FIRST_ROW}:${C.status}${last}`,
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          priority: 1,
          formulae: [`"${label(status)}"`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: (FILLS[STATUS_FILL[status]] as { fgColor: { argb: string } }).fgColor.argb } } },
        },
      ],
    });
  }
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 2, headerFooter: `${ctx.footer} · ${name}` });
  const ref = (col: string) => sheetRef(ws.name, `$${col}$${FIRST_ROW}:$${col}$${last}`);
  return {
    // At most CHART_ROWS default rows high, so the whole chart, its axis title and its legend
    // print on one landscape A4 page under the title rows (34 rows split 金山园's chart across
    // two pages, its legend alone on the second).
    rows: Math.min(CHART_ROWS, Math.max(16, rows.length * 2 + 6)),
    title: `${name}${year}年 目标增量完成进度与时间进度`,
    direction: 'bar',
    font: WORKBOOK_FONT,
    // Placed on 进度图 (writeChartSheet), cut to CHART_LABEL_LENGTH.
    categories: { ref: '', cache: rows.map((e) => chartLabel(ctx.indicators.get(e.indicator)?.name.zh ?? e.indicator)) },
    series: [
      {
        name: { ref: sheetRef(ws.name, `$${C.increment}$3`), cache: headers[8]! },
        values: { ref: ref(C.increment), cache: rows.map((e) => e.increment.value) },
        color: '2F6EBA',
      },
      {
        name: { ref: sheetRef(ws.name, `$${C.time}$3`), cache: headers[7]! },
        values: { ref: ref(C.time), cache: rows.map((e) => e.expected.elapsed) },
        color: 'F4B183',
      },
    ],
    valueAxis: { title: '占目标增量或方案期的比例', numFmt: '0%' },
  };
}

/**
 * 进度图: each park's chart on a page of its own under the sheet's title, the full width of a
 * landscape page. On the park's own sheet the chart printed under the table's repeated column
 * headers, an empty table above it; here no header stands above a chart.
 */
function writeChartSheet(ws: Worksheet, ctx: Context, charts: readonly ParkChart[]): BarChartSpec[] {
  const year = ctx.input.evaluation.year;
  putTitle(
    ws,
    `${ctx.input.catalogue.zone.name.zh}${year}年度目标增量完成进度与时间进度`,
    '每个园区一页。目标增量完成进度不低于时间进度即符合序时进度；无基期值、目标值等于基期值或未报送的目标只列时间进度。',
    CHART_COLUMNS,
  );
  ws.getRow(2).height = 18;
  ws.columns = Array.from({ length: CHART_COLUMNS }, () => ({ width: 12 }));
  // Zero-based rows: a blank row above and below each chart, so no frame touches a page's edge
  // (LibreOffice prints a frame that starts on a page break on both pages).
  let top = 3;
  // The bars' labels, cut to CHART_LABEL_LENGTH, in a column that does not print: LibreOffice
  // skips every other label of an axis when one runs longer (闵行园's 22-character
  // 实现专业化…孵化器数 hid five of its eleven), and a chart takes its labels from cells.
  const labels = columnLetter(CHART_COLUMNS + 2);
  ws.getColumn(CHART_COLUMNS + 2).hidden = true;
  const placed = charts.map(({ rows, ...chart }, i) => {
    chart.categories.cache.forEach((text, k) => putText(ws, `${labels}${top + 1 + k}`, text));
    const ref = sheetRef(ws.name, `$${labels}$${top + 1}:$${labels}$${top + chart.categories.cache.length}`);
    const spec: BarChartSpec = {
      ...chart,
      categories: { ...chart.categories, ref },
      plotHidden: true,
      sheetName: ws.name,
      from: { col: 0, row: top },
      to: { col: CHART_COLUMNS, row: top + rows },
    };
    // The frame ends at the top of zero-based row top + rows, 1-based top + rows + 1: the page breaks after it.
    if (i < charts.length - 1) ws.getRow(top + rows + 1).addPageBreak();
    top += rows + 2;
    return spec;
  });
  setupSheetForPrint(ws, { titleRows: 2, frozenColumns: 0, headerFooter: `${ctx.footer} · ${CHART_SHEET}` });
  return placed;
}

/** "≥", "力争≥", "1–2": what a target value cell shows before the number. */
function targetFormat(e: TargetEvaluation, unit: DisplayUnit, headerYear: number | null): string {
  const stretch = e.stretch ? '力争' : '';
  const year = headerYear === e.target.year ? '' : `"（${e.target.year}年）"`;
  const high = e.comparison === 'range' ? toDisplay(e.target.valueHigh, unit) : null;
  const numFmt = planFigureFormat([toDisplay(e.target.value, unit)!, ...(high === null ? [] : [high])], unit);
  if (high !== null) return `"${stretch}"${numFmt}"–${high.toLocaleString('en-US', { maximumFractionDigits: 2 })}"${year}`;
  return `"${stretch}${COMPARISON_SIGN[e.comparison]}"${numFmt}${year}`;
}

/**
 * A plan's figure as the plan writes it: the decimals it has, at most the unit's (3000亿元 is
 * 力争≥3,000, not 3,000.00, which does not fit its column; 6.8% is ≥6.8).
 */
function planFigureFormat(values: readonly number[], unit: DisplayUnit): string {
  const most = /\.(0+)/.exec(unit.numFmt)?.[1]?.length ?? 0;
  const needed = Math.max(0, ...values.map((v) => [...Array(most + 1).keys()].find((d) => Math.abs(Number(v.toFixed(d)) - v) < 1e-9) ?? most));
  const integer = unit.numFmt.includes(',') ? '#,##0' : '0';
  return needed === 0 ? integer : `${integer}.${'0'.repeat(needed)}`;
}

function writeTargetRow(ws: Worksheet, r: number, no: number, e: TargetEvaluation, ctx: Context, headerYear: number | null): void {
  const year = ctx.input.evaluation.year;
  const ind = ctx.indicators.get(e.indicator)!;
  const unit = leaderUnitOf(e.unit, ind.valueType);
  const at = (col: string) => `${col}${r}`;
  const [D, E, F, H] = [at(C.target), at(C.baseline), at(C.actual), at(C.time)];
  const target = toDisplay(e.target.value, unit)!;
  const high = toDisplay(e.target.valueHigh, unit);
  const baseline = toDisplay(e.baseline.value, unit);
  const actual = toDisplay(e.actual.value, unit);
  putNumber(ws, at(C.no), no, { numFmt: '0', align: 'center' });
  putText(ws, at(C.indicator), ind.name.zh, { wrap: true });
  putText(ws, at(C.unit), unit.unit, { align: 'center', wrap: true });
  putNumber(ws, D, target, { numFmt: targetFormat(e, unit, headerYear), align: 'right' });
  putNumber(ws, E, baseline, { numFmt: unit.numFmt });
  putNumber(ws, F, actual, { numFmt: e.actual.declaredNone ? NONE_FORMAT : unit.numFmt, align: 'right' });

  const slack = (a: string, b: string) => `${String(COMPARISON_TOLERANCE).toUpperCase()}*MAX(1,ABS(${a}),ABS(${b}))`;
  // 完成率 (a range: actual ÷ low below it, 100% within it, actual ÷ high above it)
  if (e.completion.value !== null && actual !== null) {
    const formula =
      e.comparison === 'range' && high !== null
        ? `IF(${F}<${D}-${slack(F, D)},${F}/${D},IF(${F}<=${high}+${slack(F, String(high))},1,${F}/${high}))`
        : `${F}/${D}`;
    const cached =
      e.comparison === 'range' && high !== null ? (e.completion.value === 1 ? 1 : actual < target ? actual / target : actual / high) : actual / target;
    putFormula(ws, at(C.completion), formula, cached, { numFmt: '0.0%' });
  } else putNumber(ws, at(C.completion), null, { numFmt: '0.0%' });
  // 时间进度
  const span = e.target.year - e.baseline.year;
  const elapsed = e.expected.elapsed;
  putFormula(ws, H, span <= 0 ? '1' : `MIN(1,MAX(0,(${year}-${e.baseline.year})/(${e.target.year}-${e.baseline.year})))`, elapsed, { numFmt: '0%' });
  // 目标增量完成进度
  if (e.increment.value !== null && baseline !== null && actual !== null) {
    putFormula(ws, at(C.increment), `(${F}-${E})/(${D}-${E})`, (actual - baseline) / (target - baseline), { numFmt: '0.0%' });
  } else putNumber(ws, at(C.increment), null, { numFmt: '0.0%' });
  putFormula(ws, at(C.status), statusFormula(e, ind, r, year), label(e.status), { fill: STATUS_FILL[e.status], align: 'center', bold: true, wrap: true });
  writeNeeded(ws, at(C.needed), e, ind, unit, { D, F, target, actual, yearsLeft: e.target.year - year });
  const notes = [
    ...e.notes.map((n) => formatMessage(`evaluation_note_${n}`, {}, 'zh')),
    ...e.reasons
      .filter((x) => x.part !== 'growthNeeded' && !(x.code === 'no_baseline' && e.notes.includes('no_baseline')))
      .map((x) => formatMessage(`evaluation_reason_${x.code}`, {}, 'zh')),
  ];
  putText(ws, at(C.notes), [...new Set(notes)].join('；'), { wrap: true });
  const restated = e.restatements.map((x) => `另见：${x.quote}`);
  putText(ws, at(C.quote), [e.quote, ...restated].join('\n'), { wrap: true });
}

/**
 * 还需, in the indicator's own terms (docs/domain.md, "Evaluation"): a rate a year, an amount a
 * year (a share in 个百分点), or the whole number still to add; or why nothing is needed.
 */
function writeNeeded(
  ws: Worksheet,
  address: string,
  e: TargetEvaluation,
  ind: Indicator,
  unit: DisplayUnit,
  p: { D: string; F: string; target: number; actual: number | null; yearsLeft: number },
): void {
  const g = e.growthNeeded;
  if (g.value === null || p.actual === null) {
    const why: Partial<Record<string, string>> = { already_completed: '已达到', needs_more_than_target: '须超过目标值', target_year_reached: '—' };
    putText(ws, address, why[g.reason ?? ''] ?? '', { muted: true, align: 'center' });
    return;
  }
  const left = p.yearsLeft;
  if (g.kind === 'compound_rate') {
    putFormula(ws, address, `(${p.D}/${p.F})^(1/${left})-1`, (p.target / p.actual) ** (1 / left) - 1, { numFmt: '"年均增长"0.0%', align: 'right' });
  } else if (g.kind === 'amount_per_year') {
    const format = e.unit === '%' ? '"年均+"0.00"个百分点"' : `"年均增加"${unit.numFmt}`;
    putFormula(ws, address, `(${p.D}-${p.F})/${left}`, (p.target - p.actual) / left, { numFmt: format, align: 'right' });
  } else {
    // A count adds whole units; 超过 a count needs the next one (超过2家 with 2: 新增1).
    const whole = growthKindOf(ind) === 'total_to_add';
    const next = whole && e.comparison === 'gt' ? 1 : 0;
    const gap = p.target + next - p.actual;
    const formula = whole ? `ROUNDUP(${p.D}+${next}-${p.F}-1E-9*MAX(1,ABS(${p.D}+${next}-${p.F})),0)` : `${p.D}-${p.F}`;
    const cached = whole ? Math.ceil(gap - 1e-9 * Math.max(1, Math.abs(gap))) : gap;
    putFormula(ws, address, formula, cached, { numFmt: `"新增"${whole ? '#,##0' : unit.numFmt}`, align: 'right' });
  }
}

/**
 * The status as a formula that follows STATUS_RULES, so a figure corrected in the sheet moves it:
 * a blank actual is 未报送 (or 无法判断 for a ratio whose denominator is 0, as the domain found);
 * a met target is 已完成 in the target year, or earlier when the figure cannot fall, else 提前达到;
 * before the target year, without a baseline 无法判断, on or above the path 符合序时进度; else 滞后.
 * Comparisons allow the relative rounding tolerance COMPARISON_TOLERANCE only.
 */
function statusFormula(e: TargetEvaluation, ind: Indicator, r: number, year: number): string {
  const [D, E, F, H] = [`${C.target}${r}`, `${C.baseline}${r}`, `${C.actual}${r}`, `${C.time}${r}`];
  const tol = String(COMPARISON_TOLERANCE).toUpperCase();
  const slack = (a: string, b: string) => `${tol}*MAX(1,ABS(${a}),ABS(${b}))`;
  const q = (s: EvaluationStatus) => `"${label(s)}"`;
  const met = e.comparison === 'gt' ? `${F}>${D}+${slack(F, D)}` : `${F}>=${D}-${slack(F, D)}`;
  const blank = e.status === 'cannot_judge' && e.actual.value === null ? 'cannot_judge' : 'not_reported';
  if (year >= e.target.year) return `IF(${F}="",${q(blank)},IF(${met},${q('completed')},${q('behind')}))`;
  const early = MEASURE_KINDS[ind.measure].canFall(ind) ? 'ahead' : 'completed';
  const path = `${E}+(${D}-${E})*${H}`;
  return `IF(${F}="",${q(blank)},IF(${met},${q(early)},IF(${E}="",${q('cannot_judge')},IF(${F}>=${path}-${slack(F, path)},${q('on_track')},${q('behind')}))))`;
}

function writeOverview(ws: Worksheet, ctx: Context, parks: string[], byPark: ReadonlyMap<string, TargetEvaluation[]>, statusRange: Map<string, string>): void {
  const { input } = ctx;
  const year = input.evaluation.year;
  const headers = ['园区', '目标数', ...STATUSES.map(label), '使用的年报版本', '行动方案'];
  putTitle(
    ws,
    `${input.catalogue.zone.name.zh}${year}年度目标评估总览`,
    `${consolidatedAtNote(input.generatedAt, input.catalogue.version)}各园区明细见同名工作表，状态的判定标准见“说明”。`,
    headers.length,
  );
  putHeader(ws, 3, headers);
  ws.getRow(3).height = 34;
  ws.columns = [{ width: 10 }, { width: 7 }, ...STATUSES.map(() => ({ width: 8 })), { width: 12 }, { width: 32 }];
  const col = (j: number) => String.fromCharCode(65 + j);
  parks.forEach((park, i) => {
    const r = FIRST_ROW + i;
    const rows = byPark.get(park)!;
    const plan = input.catalogue.parks.find((p) => p.code === park)!;
    putText(ws, `A${r}`, ctx.parkName(park));
    putNumber(ws, `B${r}`, rows.length, { numFmt: '0', align: 'center' });
    STATUSES.forEach((s, j) => {
      putFormula(ws, `${col(2 + j)}${r}`, `COUNTIF(${statusRange.get(park)},"${label(s)}")`, rows.filter((e) => e.status === s).length, {
        numFmt: '0',
        align: 'center',
        fill: STATUS_FILL[s],
      });
    });
    const source = input.evaluation.sources.find((s) => s.park === park);
    const returned = describeReturned(input.evaluation.ignored, park);
    putText(ws, `${col(2 + STATUSES.length)}${r}`, `${source ? versionLabel(source.version) : '未报送'}${returned ? `（${returned}）` : ''}`, {
      align: 'center',
      wrap: true,
    });
    putText(ws, `${col(3 + STATUSES.length)}${r}`, `${plan.planTitle}${plan.draft ? '（征求意见稿，目标可能调整）' : ''}`, { wrap: true });
  });
  // 合计: the zone's targets by status.
  const total = FIRST_ROW + parks.length;
  const first = FIRST_ROW;
  const last = Math.max(first, total - 1);
  putText(ws, `A${total}`, '合计', { bold: true, fill: 'total', align: 'center' });
  const sum = (c: string, cached: number) =>
    putFormula(ws, `${c}${total}`, `SUM(${c}${first}:${c}${last})`, cached, { numFmt: '0', align: 'center', bold: true, fill: 'total' });
  sum('B', input.evaluation.evaluations.filter((e) => parks.includes(e.park)).length);
  STATUSES.forEach((s, j) => sum(col(2 + j), input.evaluation.evaluations.filter((e) => parks.includes(e.park) && e.status === s).length));
  putText(ws, `${col(2 + STATUSES.length)}${total}`, '', { fill: 'total' });
  putText(ws, `${col(3 + STATUSES.length)}${total}`, '', { fill: 'total' });
  // 制表 and 审核: who prepared and who checked the evaluation, signed on the printed copy.
  const sign = total + 2;
  ws.mergeCells(sign, 1, sign, headers.length);
  const cell = ws.getCell(`A${sign}`);
  cell.value = `制表人：　　　　　　　　审核人：　　　　　　　　制表日期：${chinaDate(input.generatedAt)}`;
  cell.font = font();
  ws.getRow(sign).height = 24;
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 1, headerFooter: ctx.footer });
}

/**
 * 园区比较: the zone-wide common indicators, a park per row and a value and a rank per indicator,
 * so a zone of any size prints down the page, not across it.
 */
function writeComparison(ws: Worksheet, ctx: Context): void {
  const { rankings } = ctx.input;
  const ranked = new Set(rankings.rankings.flatMap((r) => r.entries.map((e) => e.park)));
  const parks = ctx.input.catalogue.parks.map((p) => p.code).filter((p) => ranked.has(p));
  const lastCol = 1 + rankings.rankings.length * 2;
  putTitle(
    ws,
    `${rankings.year}年园区比较（全区共同指标）`,
    '比值类指标按各园区的分子、分母计算；名次1为最好，数值相同（相差在舍入误差以内）的并列同一名次，下一名次顺延；未报送的不排名。主导及特色产业营收占比按各园区自身的主导及特色产业计算，口径因园而异。金额单位为亿元。',
    lastCol,
  );
  ws.getRow(2).height = 44;
  const firstRow = 5;
  ws.getColumn(1).width = 10;
  const head = (address: string, text: string) => {
    const cell = ws.getCell(address);
    cell.value = text;
    cell.font = font({ bold: true });
    cell.fill = FILLS.header;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  ws.mergeCells(3, 1, 4, 1);
  head('A3', '园区');
  rankings.rankings.forEach((ranking, k) => {
    const c = 2 + k * 2;
    const ind = ctx.indicators.get(ranking.indicator);
    const unit = leaderUnitOf(ranking.unit, ind?.valueType);
    ws.getColumn(c).width = 9;
    ws.getColumn(c + 1).width = 5;
    ws.mergeCells(3, c, 3, c + 1);
    head(ws.getRow(3).getCell(c).address, ranking.name.zh);
    head(ws.getRow(4).getCell(c).address, unit.unit);
    head(ws.getRow(4).getCell(c + 1).address, '名次');
    parks.forEach((park, i) => {
      const row = ws.getRow(firstRow + i);
      const entry = ranking.entries.find((e) => e.park === park);
      putNumber(ws, row.getCell(c).address, toDisplay(entry?.value ?? null, unit), { numFmt: unit.numFmt });
      if (entry?.rank != null)
        putNumber(ws, row.getCell(c + 1).address, entry.rank, {
          numFmt: '0',
          align: 'center',
          bold: entry.rank === 1,
          ...(entry.rank === 1 ? { fill: 'completed' as const } : {}),
        });
      else putText(ws, row.getCell(c + 1).address, '—', { muted: true, align: 'center' });
    });
  });
  ws.getRow(3).height = 48;
  ws.getRow(4).height = 18;
  parks.forEach((park, i) => putText(ws, `A${firstRow + i}`, ctx.parkName(park)));
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 4, frozenColumns: 1, headerFooter: ctx.footer });
}

const COMPARISON_WORDING = { gte: '达到、不少于、以上（≥）', gt: '超过（>）', range: '区间（如1-2家）' } as const;
const MEASURE_LABEL = { level: '期末数', flow: '当年数', cumulative: '自方案起始年累计', ratio: '比率', rate: '比值' } as const;

function writeNotes(ws: Worksheet, ctx: Context): void {
  const { input } = ctx;
  const year = input.evaluation.year;
  ws.columns = [{ width: 18 }, { width: 94 }];
  putTitle(ws, `${year}年度目标评估说明`, consolidatedAtNote(input.generatedAt, input.catalogue.version), 2);
  let r = 3;
  const line = (key: string, value: string, s: { fill?: keyof typeof FILLS } = {}) => {
    putText(ws, `A${r}`, key, { bold: true, wrap: true, ...s });
    putText(ws, `B${r}`, value, { wrap: true });
    r += 1;
  };
  const section = (a: string, b: string) => {
    r += 1;
    putHeader(ws, r, [a, b]);
    ws.getRow(r).height = 20;
    r += 1;
  };
  line('使用的年报版本', input.evaluation.sources.map((s) => `${ctx.parkName(s.park)} ${versionLabel(s.version)}`).join('；') || '无');
  if (input.evaluation.ignored.length) {
    line(
      '未使用的年报',
      input.evaluation.ignored
        .map((x) => `${ctx.parkName(x.park)} ${versionLabel(x.version)}：${formatMessage(`consolidation_ignored_${x.reason}`, {}, 'zh')}`)
        .join('；'),
    );
  }
  line('计量单位', '金额以亿元列示（1亿元 = 10000万元），面积以万平方米列示；其余按指标目录的单位。填报为“无”的指标按0计，显示为“无”。');
  line('尾数', '完成率、时间进度和目标增量完成进度均按未经四舍五入的数值计算，再四舍五入列示，因此用表中所列数值复算可能有尾数差异。');
  section('状态', '判定标准（依次判定，先符合者为准）');
  for (const rule of STATUS_RULES) line(rule.label.zh, rule.rule.zh, { fill: STATUS_FILL[rule.status] });
  line('舍入容差', `比较时只允许相对${COMPARISON_TOLERANCE}的舍入误差（如 68 ÷ 1000 × 100 = 6.800000000000001 视为6.8），不设其他余量。`);
  section('指标', '计算方法');
  line('完成率', '实际值 ÷ 目标值。区间目标（如1-2家）：低于下限时为 实际值 ÷ 下限，达到下限至上限之间为100%，高于上限时为 实际值 ÷ 上限。');
  line('时间进度', '（评估年 − 基期年）÷（目标年 − 基期年），即方案期已过去的比例；基期年为方案起始年的前一年。读者可将完成率与时间进度对照。');
  line(
    '目标增量完成进度',
    '（实际值 − 基期值）÷（目标值 − 基期值），即方案要求的增量已完成的比例；需要基期值。目标年之前，目标增量完成进度不低于时间进度即符合序时进度，等价于 实际值 ≥ 基期值 +（目标值 − 基期值）× 时间进度。',
  );
  line(
    '还需',
    '至目标年还需达到的，按指标的性质表述：计数（家、个、件、套、人）为还需新增的整数，“超过”类目标须多出一个单位；金额类累计数为年均增加额；占比为年均提高的百分点；其他当年数、期末数和比值为年均增长率，实际值为0时为还需新增的数量。已达到目标的不再计算。',
  );
  section('目标措辞', '完成标准');
  for (const [k, wording] of Object.entries(COMPARISON_WORDING)) {
    const rule = { gte: '实际值 ≥ 目标值 即达到', gt: '实际值 > 目标值 即达到，恰好等于目标不算达到', range: '实际值 ≥ 区间下限 即达到，未达上限另行注明' }[
      k as keyof typeof COMPARISON_WORDING
    ];
    line(wording, `${rule}。“力争”“努力”“争取”类目标同样按此评估，另行注明。`);
  }
  section('指标类型', '实际值的取法；提前达到目标后能否回落');
  for (const m of Object.values(MEASURE_KINDS)) {
    const fall = {
      level: '期末存量可能回落（累计总数除外），提前达到目标的列为“提前达到”',
      flow: '可能回落，提前达到目标的列为“提前达到”',
      cumulative: '累计数不会减少，提前达到目标即“已完成”',
      ratio: '可能回落，提前达到目标的列为“提前达到”',
      rate: '可能回落，提前达到目标的列为“提前达到”',
    }[m.kind];
    line(MEASURE_LABEL[m.kind], `${m.reading.zh}；${fall}。`);
  }
  const evaluations = input.evaluation.evaluations;
  const seen = new Set<string>();
  const unique = evaluations.filter((e) => !seen.has(e.targetId) && seen.add(e.targetId));
  const title = (e: TargetEvaluation) => `${ctx.parkName(e.park)} ${ctx.indicators.get(e.indicator)?.name.zh ?? e.indicator}`;
  const noted = unique.filter((e) => e.targetNote);
  if (noted.length) {
    section('目标', '目标措辞的解读（指标目录）');
    for (const e of noted) line(title(e), e.targetNote!.zh);
  }
  const restated = unique.filter((e) => e.restatements.length > 0);
  if (restated.length) {
    section('目标', '方案中的重述（同一目标，不另行评估）');
    for (const e of restated) for (const x of e.restatements) line(title(e), `“${x.quote}”：${x.note.zh}`);
  }
  const parks = new Set(evaluations.map((e) => e.park));
  const aims = input.catalogue.aims.filter((a) => parks.has(a.park));
  if (aims.length) {
    section('园区', '方案中的其他愿景（不评估）');
    for (const a of aims) line(ctx.parkName(a.park), `“${a.quote}”：${a.note.zh}`);
  }
  fitRowHeights(ws, 2);
  setupSheetForPrint(ws, { titleRows: 2, frozenColumns: 0, headerFooter: ctx.footer });
  ws.views = [{}];
}
