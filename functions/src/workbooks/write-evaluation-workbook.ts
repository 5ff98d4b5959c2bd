import type { Worksheet } from 'exceljs';
import {
  describeTarget,
  formatMessage,
  type Catalogue,
  COMPARISON_KINDS,
  COMPARISON_TOLERANCE,
  MEASURE_KINDS,
  STATUS_RULES,
  type EvaluationStatus,
  type ParkRankings,
  type TargetEvaluation,
  type YearEvaluation,
} from '@zj/shared';
import type { BarChartSpec } from './chart-xml.js';
import { describeReturned } from './describe-returned.js';
import { injectCharts } from './inject-charts.js';
import { FILLS, WORKBOOK_FONT, setupSheetForPrint } from './workbook-style.js';
import { consolidatedAtNote, fitRowHeights, numFmtOf, putFormula, putHeader, putNumber, putText, putTitle, sheetName, sheetRef } from './sheet-helpers.js';
import { loadExcelJs } from './load-exceljs.js';

export interface EvaluationWorkbookInput {
  catalogue: Catalogue;
  /** evaluateYear(...) */
  evaluation: YearEvaluation;
  /** rankParks(...) of the same year */
  rankings: ParkRankings;
  /** When the data was consolidated: the build time, shown as such (consolidatedAtNote). */
  generatedAt: string;
}

const FIRST_ROW = 4;
const STATUS_FILL: Record<EvaluationStatus, keyof typeof FILLS> = { completed: 'completed', on_track: 'onTrack', behind: 'behind', not_reported: 'notReported' };
const label = (s: EvaluationStatus) => STATUS_RULES.find((r) => r.status === s)!.label.zh;

// Park sheet columns.
const C = {
  no: 'A', indicator: 'B', unit: 'C', target: 'D', baseYear: 'E', targetYear: 'F', baseline: 'G', actual: 'H', targetValue: 'I',
  completion: 'J', expected: 'K', expectedShare: 'L', status: 'M', growth: 'N', notes: 'O', quote: 'P',
} as const;
const HEADERS = ['序号', '指标', '单位', '目标(原文单位)', '基期年', '目标年', '基期值', '实际值', '目标值(折算)', '完成率', '序时进度预期值', '序时进度要求', '状态', '还需年均增长', '说明', '目标原文'];
// Narrow enough to print A4 landscape at a readable scale (16 columns at the old 270 units printed
// at about 50% in Excel, 41% in LibreOffice): the long texts (指标, 目标, 说明, 目标原文) wrap in tall
// rows instead; the number columns keep room for 1,234,567.89 and 状态 for 符合序时进度.
const WIDTHS = [5, 15, 8, 13, 6, 6, 13, 13, 13, 8, 13, 8, 13, 14, 15, 18];

/**
 * The annual evaluation workbook (年度评估): 总览 (status counts per park), a sheet per park with
 * every target's baseline, actual, target, 完成率, 序时进度 expected value, status and 还需年均增长,
 * each a live formula with the domain's result cached, plus a native bar chart of completion
 * against the 序时进度 requirement; 园区比较 (the common indicators across parks, with ranks);
 * and 说明 with the status thresholds as the evaluation defines them (STATUS_RULES).
 */
export async function writeEvaluationWorkbook(input: EvaluationWorkbookInput): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const { catalogue, evaluation } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhangjiang park returns';
  wb.created = new Date(input.generatedAt);
  const parkName = (code: string) => catalogue.parks.find((p) => p.code === code)?.name.zh ?? code;
  const zone = catalogue.zone.name.zh;
  const footer = `${zone} ${evaluation.year} 年度评估`;
  const parks = catalogue.parks.map((p) => p.code).filter((p) => evaluation.evaluations.some((e) => e.park === p));
  const taken = new Set(['总览', '园区比较', '说明'].map((s) => s.toLowerCase()));
  const sheetOf = new Map(parks.map((p) => [p, sheetName(parkName(p), taken)]));

  const overview = wb.addWorksheet('总览', { properties: { tabColor: { argb: 'FF2F6EBA' } } });
  const charts: BarChartSpec[] = [];
  const statusRange = new Map<string, string>();
  for (const park of parks) {
    const ws = wb.addWorksheet(sheetOf.get(park)!);
    const rows = evaluation.evaluations.filter((e) => e.park === park);
    charts.push(writeParkSheet(ws, input, park, rows, parkName(park), footer));
    statusRange.set(park, sheetRef(ws.name, `$${C.status}$${FIRST_ROW}:$${C.status}$${FIRST_ROW + Math.max(rows.length, 1) - 1}`));
  }
  writeOverview(overview, input, parks, parkName, statusRange, footer);
  writeComparison(wb.addWorksheet('园区比较'), input, parkName, footer);
  writeNotes(wb.addWorksheet('说明'), input, parkName, footer);
  return injectCharts(await wb.xlsx.writeBuffer() as unknown as Uint8Array, charts);
}

function writeParkSheet(ws: Worksheet, input: EvaluationWorkbookInput, park: string, rows: TargetEvaluation[], name: string, footer: string): BarChartSpec {
  const year = input.evaluation.year;
  const source = input.evaluation.sources.find((s) => s.park === park);
  const returned = describeReturned(input.evaluation.ignored, park);
  const plan = input.catalogue.parks.find((p) => p.code === park)!;
  putTitle(
    ws,
    `${name} ${year} 年度目标评估`,
    `${plan.planTitle}${plan.documentNumber ? `(${plan.documentNumber})` : ''}${plan.draft ? ',征求意见稿' : ''};实际值取自 ${year} 年报${source ? ` v${source.version}` : '(未报送)'}${returned ? `(${returned},未使用)` : ''}。完成率 = 实际值 ÷ 目标值;序时进度预期值 = 基期值 + (目标值 − 基期值) × (${year} − 基期年) ÷ (目标年 − 基期年)。`,
    HEADERS.length,
  );
  putHeader(ws, 3, HEADERS);
  ws.columns = WIDTHS.map((width) => ({ width }));
  rows.forEach((e, i) => writeTargetRow(ws, FIRST_ROW + i, i + 1, e, input));
  const last = FIRST_ROW + Math.max(rows.length, 1) - 1;
  for (const status of Object.keys(STATUS_FILL) as EvaluationStatus[]) {
    ws.addConditionalFormatting({
      ref: `${C.status}${FIRST_ROW}:${C.status}${last}`,
      rules: [{ type: 'cellIs', operator: 'equal', priority: 1, formulae: [`"${label(status)}"`], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: (FILLS[STATUS_FILL[status]] as { fgColor: { argb: string } }).fgColor.argb } } } }],
    });
  }
  fitRowHeights(ws, FIRST_ROW);
  // The chart prints on a page of its own, below the table.
  ws.getRow(last).addPageBreak();
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 2, headerFooter: `${footer} · ${name}` });
  const ref = (col: string) => sheetRef(ws.name, `$${col}$${FIRST_ROW}:$${col}$${last}`);
  return {
    sheetName: ws.name,
    from: { col: 1, row: last + 1 },
    to: { col: 12, row: last + 1 + Math.max(14, rows.length * 2 + 6) },
    title: `${name} ${year} 目标完成率与序时进度要求`,
    direction: 'bar',
    font: WORKBOOK_FONT,
    categories: { ref: ref(C.indicator), cache: rows.map((e) => indicatorName(input.catalogue, e.indicator)) },
    series: [
      { name: { ref: sheetRef(ws.name, `$${C.completion}$3`), cache: HEADERS[9]! }, values: { ref: ref(C.completion), cache: rows.map((e) => e.completion.value) }, color: '2F6EBA' },
      { name: { ref: sheetRef(ws.name, `$${C.expectedShare}$3`), cache: HEADERS[11]! }, values: { ref: ref(C.expectedShare), cache: rows.map(expectedShare) }, color: 'F4B183' },
    ],
    valueAxis: { title: '占目标值的比例', numFmt: '0%', min: 0 },
  };
}

/** 序时进度要求 as a share of the target: expected ÷ target. */
function expectedShare(e: TargetEvaluation): number | null {
  return e.expected.value === null || e.target.value === 0 ? null : e.expected.value / e.target.value;
}

function writeTargetRow(ws: Worksheet, r: number, no: number, e: TargetEvaluation, input: EvaluationWorkbookInput): void {
  const year = input.evaluation.year;
  const ind = input.catalogue.indicators.find((i) => i.code === e.indicator)!;
  const fmt = numFmtOf(e.unit, ind.valueType);
  const at = (col: string) => `${col}${r}`;
  putNumber(ws, at(C.no), no, { numFmt: '0', align: 'center' });
  putText(ws, at(C.indicator), indicatorName(input.catalogue, e.indicator), { wrap: true });
  putText(ws, at(C.unit), e.unit, { align: 'center' });
  putText(ws, at(C.target), describeTarget(
    { id: e.targetId, value: e.target.asWritten.value, ...(e.target.asWritten.valueHigh !== null ? { valueHigh: e.target.asWritten.valueHigh } : {}), unit: e.target.asWritten.unit, canonicalValue: e.target.value, comparison: e.comparison, stretch: e.stretch, year: e.target.year, quote: e.quote },
    'zh',
  ), { wrap: true });
  putNumber(ws, at(C.baseYear), e.baseline.year, { numFmt: '0', align: 'center' });
  putNumber(ws, at(C.targetYear), e.target.year, { numFmt: '0', align: 'center' });
  putNumber(ws, at(C.baseline), e.baseline.value, { numFmt: fmt });
  putNumber(ws, at(C.actual), e.actual.value, { numFmt: fmt });
  putNumber(ws, at(C.targetValue), e.target.value, { numFmt: fmt });
  const [H, I, G, E, F, K] = [at(C.actual), at(C.targetValue), at(C.baseline), at(C.baseYear), at(C.targetYear), at(C.expected)];
  // 完成率 = actual ÷ target
  if (e.completion.value !== null) putFormula(ws, at(C.completion), `${H}/${I}`, e.completion.value, { numFmt: '0.0%' });
  else putNumber(ws, at(C.completion), null, { numFmt: '0.0%' });
  // 序时进度: the straight path from the baseline to the target (the target itself from the target year on)
  if (e.expected.value !== null) {
    const formula = e.expected.elapsed >= 1 ? I : `${G}+(${I}-${G})*((${year}-${E})/(${F}-${E}))`;
    putFormula(ws, at(C.expected), formula, e.expected.value, { numFmt: fmt });
  } else putNumber(ws, at(C.expected), null, { numFmt: fmt });
  const share = expectedShare(e);
  if (share !== null) putFormula(ws, at(C.expectedShare), `${K}/${I}`, share, { numFmt: '0.0%' });
  else putNumber(ws, at(C.expectedShare), null, { numFmt: '0.0%' });
  putFormula(ws, at(C.status), statusFormula(e, r, year), label(e.status), { fill: STATUS_FILL[e.status], align: 'center', bold: true });
  // 还需年均增长
  const g = e.growthNeeded;
  if (g.value !== null) {
    const formula = g.kind === 'compound_rate' ? `(${I}/${H})^(1/(${F}-${year}))-1` : `(${I}-${H})/(${F}-${year})`;
    // A share grows in percentage points (个百分点), not in "% a year".
    const perYear = e.unit === '%' ? '个百分点/年' : `${e.unit}/年`;
    putFormula(ws, at(C.growth), formula, g.value, { numFmt: g.kind === 'compound_rate' ? '0.0%' : `${fmt}"${perYear}"` });
  } else putNumber(ws, at(C.growth), null);
  const notes = [
    ...e.notes.map((n) => formatMessage(`evaluation_note_${n}`, {}, 'zh')),
    ...e.reasons.filter((x) => !(x.code === 'no_baseline' && e.notes.includes('no_baseline'))).map((x) => formatMessage(`evaluation_reason_${x.code}`, {}, 'zh')),
  ];
  putText(ws, at(C.notes), [...new Set(notes)].join(';'), { wrap: true });
  putText(ws, at(C.quote), e.quote, { wrap: true });
}

/**
 * The status as a formula that follows STATUS_RULES: 未报送 without an actual; 已完成 when the
 * actual meets the target in its direction (超过 strictly), up to the relative rounding tolerance
 * COMPARISON_TOLERANCE; 符合序时进度 before the target year at or above the expected value;
 * else 滞后. IF evaluates lazily, so ABS never meets a blank.
 */
function statusFormula(e: TargetEvaluation, r: number, year: number): string {
  const [H, I, F, K] = [`${C.actual}${r}`, `${C.targetValue}${r}`, `${C.targetYear}${r}`, `${C.expected}${r}`];
  const tol = String(COMPARISON_TOLERANCE).toUpperCase();
  const slack = (a: string, b: string) => `${tol}*MAX(1,ABS(${a}),ABS(${b}))`;
  const met = e.comparison === 'gt' ? `${H}>${I}+${slack(H, I)}` : `${H}>=${I}-${slack(H, I)}`;
  const q = (s: EvaluationStatus) => `"${label(s)}"`;
  return `IF(${H}="",${q('not_reported')},IF(${met},${q('completed')},IF(AND(${year}<${F},${K}<>""),IF(${H}>=${K}-${slack(H, K)},${q('on_track')},${q('behind')}),${q('behind')})))`;
}

function writeOverview(ws: Worksheet, input: EvaluationWorkbookInput, parks: string[], parkName: (c: string) => string, statusRange: Map<string, string>, footer: string): void {
  const year = input.evaluation.year;
  const statuses: EvaluationStatus[] = ['completed', 'on_track', 'behind', 'not_reported'];
  const headers = ['园区', '目标数', ...statuses.map(label), '使用的年报版本', '方案'];
  putTitle(ws, `${input.catalogue.zone.name.zh} ${year} 年度评估总览`, `${consolidatedAtNote(input.generatedAt, input.catalogue.version)}各园区明细见同名工作表;状态判定标准见“说明”。`, headers.length);
  putHeader(ws, 3, headers);
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 10 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 16 }, { width: 60 }];
  parks.forEach((park, i) => {
    const r = FIRST_ROW + i;
    const rows = input.evaluation.evaluations.filter((e) => e.park === park);
    const plan = input.catalogue.parks.find((p) => p.code === park)!;
    putText(ws, `A${r}`, parkName(park));
    putNumber(ws, `B${r}`, rows.length, { numFmt: '0', align: 'center' });
    statuses.forEach((s, j) => {
      putFormula(ws, `${String.fromCharCode(67 + j)}${r}`, `COUNTIF(${statusRange.get(park)},"${label(s)}")`, rows.filter((e) => e.status === s).length, {
        numFmt: '0',
        align: 'center',
        fill: STATUS_FILL[s],
      });
    });
    const source = input.evaluation.sources.find((s) => s.park === park);
    const returned = describeReturned(input.evaluation.ignored, park);
    putText(ws, `G${r}`, `${source ? `v${source.version}` : '未报送'}${returned ? `(${returned})` : ''}`, { align: 'center', wrap: true });
    putText(ws, `H${r}`, `${plan.planTitle}${plan.draft ? '(征求意见稿,目标可能调整)' : ''}`, { wrap: true });
  });
  fitRowHeights(ws, FIRST_ROW);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 1, headerFooter: footer });
}

function writeComparison(ws: Worksheet, input: EvaluationWorkbookInput, parkName: (c: string) => string, footer: string): void {
  const { rankings } = input;
  // In the catalogue's order, as on every other sheet (not in the order of the first ranking).
  const ranked = new Set(rankings.rankings.flatMap((r) => r.entries.map((e) => e.park)));
  const parks = input.catalogue.parks.map((p) => p.code).filter((p) => ranked.has(p));
  const headers = ['指标', '单位', ...parks.flatMap((p) => [`${parkName(p)}`, '名次'])];
  putTitle(
    ws,
    `${rankings.year} 园区比较(全区共同指标)`,
    '比值类指标按各园区分子、分母计算;名次 1 为最好,并列同名次(下一名次顺延),未报送不排名。数值相差在舍入误差以内视为并列。',
    headers.length,
  );
  putHeader(ws, 3, headers);
  ws.columns = [{ width: 28 }, { width: 9 }, ...parks.flatMap(() => [{ width: 14 }, { width: 6 }])];
  rankings.rankings.forEach((ranking, i) => {
    const r = FIRST_ROW + i;
    const ind = input.catalogue.indicators.find((x) => x.code === ranking.indicator);
    putText(ws, `A${r}`, ranking.name.zh, { wrap: true });
    putText(ws, `B${r}`, ranking.unit, { align: 'center' });
    parks.forEach((park, j) => {
      const entry = ranking.entries.find((e) => e.park === park);
      const row = ws.getRow(r);
      const valueCell = row.getCell(3 + j * 2);
      const rankCell = row.getCell(4 + j * 2);
      putNumber(ws, valueCell.address, entry?.value ?? null, { numFmt: numFmtOf(ranking.unit, ind?.valueType) });
      if (entry?.rank != null) putNumber(ws, rankCell.address, entry.rank, { numFmt: '0', align: 'center', bold: entry.rank === 1, ...(entry.rank === 1 ? { fill: 'completed' as const } : {}) });
      else putText(ws, rankCell.address, '—', { muted: true, align: 'center' });
    });
  });
  fitRowHeights(ws, FIRST_ROW);
  setupSheetForPrint(ws, { titleRows: 3, frozenColumns: 2, headerFooter: footer });
}

function writeNotes(ws: Worksheet, input: EvaluationWorkbookInput, parkName: (c: string) => string, footer: string): void {
  ws.columns = [{ width: 22 }, { width: 100 }];
  putTitle(ws, `${input.evaluation.year} 年度评估说明`, consolidatedAtNote(input.generatedAt, input.catalogue.version), 2);
  let r = 3;
  const line = (key: string, value: string, s: { fill?: keyof typeof FILLS } = {}) => {
    putText(ws, `A${r}`, key, { bold: true, wrap: true, ...s });
    putText(ws, `B${r}`, value, { wrap: true });
    r += 1;
  };
  line('使用的年报版本', input.evaluation.sources.map((s) => `${parkName(s.park)} v${s.version}`).join(';') || '无');
  if (input.evaluation.ignored.length) {
    line('未使用的年报', input.evaluation.ignored.map((x) => `${parkName(x.park)} v${x.version}:${formatMessage(`consolidation_ignored_${x.reason}`, {}, 'zh')}`).join(';'));
  }
  r += 1;
  putHeader(ws, r, ['状态', '判定标准(依次判定,先符合者为准)']);
  r += 1;
  for (const rule of STATUS_RULES) line(rule.label.zh, rule.rule.zh, { fill: STATUS_FILL[rule.status] });
  line('舍入容差', `比较时允许相对 ${COMPARISON_TOLERANCE} 的舍入误差(如 68 ÷ 1000 × 100 = 6.800000000000001 视为 6.8),此外不设其他余量。`);
  r += 1;
  putHeader(ws, r, ['目标措辞', '完成标准']);
  r += 1;
  for (const k of Object.values(COMPARISON_KINDS)) line({ gte: '达到/不少于/以上(≥)', gt: '超过(>)', range: '区间(如1-2家)' }[k.comparison], k.rule.zh);
  r += 1;
  putHeader(ws, r, ['指标类型', '实际值的取法']);
  r += 1;
  for (const m of Object.values(MEASURE_KINDS)) line({ level: '期末数', flow: '当年数', cumulative: '累计数', ratio: '比率', rate: '比值' }[m.kind], m.reading.zh);
  r += 1;
  line('完成率', '实际值 ÷ 目标值(区间目标取下限),以目标的方向判断是否完成。');
  line('序时进度预期值', '基期值 + (目标值 − 基期值) × (评估年 − 基期年) ÷ (目标年 − 基期年);目标年及以后即为目标值。基期年为方案起始年的前一年。');
  line('序时进度要求', '序时进度预期值 ÷ 目标值,与完成率画在同一图中。');
  const notes = input.evaluation.evaluations.filter((e) => e.targetNote);
  if (notes.length) {
    r += 1;
    putHeader(ws, r, ['目标', '目标措辞的解读(指标目录)']);
    r += 1;
    for (const e of notes) line(`${parkName(e.park)} ${indicatorName(input.catalogue, e.indicator)}`, e.targetNote!);
    r += 1;
  }
  line('还需年均增长', '期末数、当年数、人均/日均:(目标值 ÷ 实际值)^(1 ÷ 剩余年数) − 1;累计数:(目标值 − 实际值) ÷ 剩余年数;占比:(目标值 − 实际值) ÷ 剩余年数,单位为个百分点/年。');
  fitRowHeights(ws, 3);
  setupSheetForPrint(ws, { titleRows: 2, frozenColumns: 0, headerFooter: footer });
  ws.views = [{}];
}

function indicatorName(catalogue: Catalogue, code: string): string {
  return catalogue.indicators.find((i) => i.code === code)?.name.zh ?? code;
}
