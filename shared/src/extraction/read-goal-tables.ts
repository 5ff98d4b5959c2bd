import type { PlanYears } from './detect-plan-years.js';
import { WRITTEN_UNITS } from './extraction-lexicon.js';
import type { ProposalComparison } from './target-proposal.js';

/**
 * Targets of a goal table (主要指标表), as plans attach them and web or Word copies flatten
 * them: one row per line, cells split by "|", tabs or spaces. A header row names the indicator
 * column (指标, 名称, 工作任务), maybe a unit column (单位), and year columns; the columns of a future
 * year or named 目标 hold targets, a 年均增长（%） column holds growth targets, and those of a past
 * year or named 基数/现状/完成 hold the row's baselines. A cell may carry its own unit (50家) and
 * sign (≥5.5, ≤0.19, 120家以上). Works on the original text, where the spaces between cells still stand.
 */
export interface TableTarget {
  indicator: string;
  value: number;
  valueHigh?: number;
  unit: string;
  comparison: ProposalComparison;
  stretch: boolean;
  year: number | null;
  /** The column holds growth rates (年均增长（%）). */
  growth: boolean;
  /** The column's header (2025年目标) and its original-text offset. */
  header: string;
  headerOffset: number;
  /** Original-text span of the value cell as written (≥5.5, 50家). */
  cellStart: number;
  cellEnd: number;
  /** Original-text span of the row from the indicator cell to the value cell. */
  offset: number;
  end: number;
  /** The row's number among all table rows of the text: targets and baselines of one row share it. */
  row: number;
  /** Original-text span of the whole row: sentence readings inside it are left to the table. */
  rowStart: number;
  rowEnd: number;
}

/** A cell of a past column (2020年实际, 2024年完成, 基数): the row's baseline. */
export interface TableBaseline {
  indicator: string;
  value: number;
  unit: string;
  year: number | null;
  offset: number;
  end: number;
  row: number;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

interface Column {
  column: number;
  year: number | null;
  growth: boolean;
  header: Cell;
}

interface Header {
  name: number;
  unit: number;
  targets: Column[];
  past: Column[];
  width: number;
}

const NAME_HEADER = /指标|名称|项目|任务|内容|事项/;
const UNIT_HEADER = /^(?:计量)?单位/;
const PAST_HEADER = /基数|基期|基准|现状|完成|实际|现值|上年/;
const GROWTH_HEADER = /年均增长|年均增速|年均增幅|增速|增长率/;
const PERCENT_IN_HEADER = /[(（]\s*[%％]\s*[)）]/;
const YEAR_IN_CELL = /(\d{4})\s*年?/;
const VALUE_CELL =
  /^(≥|>|＞|≧|≤|<|＜|≦|不少于|不低于|不超过|不高于|超过|达到|力争)?\s*(\d+(?:\.\d+)?)(?:\s*[-~～—–至]\s*(\d+(?:\.\d+)?))?\s*([^\d\s]*?)\s*(以上|以下|以内)?$/;
const UNIT_IN_NAME = /[(（]([^()（）]{1,8})[)）]\s*$/;
const SERIAL = /^\d{1,3}[.、]?$/;
/** A row that stops matching for this many lines ends the table. */
const MAX_GAP = 2;

export function readGoalTables(text: string, years: PlanYears): { targets: TableTarget[]; baselines: TableBaseline[] } {
  const lines = linesOf(text);
  const targets: TableTarget[] = [];
  const baselines: TableBaseline[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = readHeader(lines[i] as Cell[], years);
    if (!header) continue;
    let gap = 0;
    for (let k = i + 1; k < lines.length && gap < MAX_GAP; k++) {
      const found = readRow(lines[k] as Cell[], header, years, k);
      if (found.targets.length === 0) {
        gap++;
        continue;
      }
      gap = 0;
      targets.push(...found.targets);
      baselines.push(...found.baselines);
      i = k;
    }
  }
  return { targets, baselines };
}

function linesOf(text: string): Cell[][] {
  const out: Cell[][] = [];
  let lineStart = 0;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const piped = line.includes('|');
    const separator = piped ? /\|/ : line.includes('\t') ? /\t/ : /[ \u3000\u00a0]+/;
    const parts = line.split(separator);
    const cells: Cell[] = [];
    let at = 0;
    parts.forEach((part, k) => {
      const from = line.indexOf(part, at);
      at = from + part.length;
      const trimmed = part.trim();
      // Inside a "|" row an empty cell is a cell (a merged unit column); outside, spaces are only spaces.
      const outerPipe = piped && (k === 0 || k === parts.length - 1);
      if (trimmed === '' && (!piped || outerPipe)) return;
      const start = lineStart + from + (trimmed === '' ? 0 : part.indexOf(trimmed));
      cells.push({ text: trimmed, start, end: start + trimmed.length });
    });
    out.push(cells);
    lineStart += rawLine.length + 1;
  }
  return out;
}

function readHeader(cells: Cell[], years: PlanYears): Header | null {
  // A header is labels, not prose: OCR lines with spaces ("到 2026 年,园区...项目...") are not headers.
  if (cells.length < 3 || cells.some((c) => /[。，,；;]/.test(c.text))) return null;
  const name = cells.findIndex((c) => NAME_HEADER.test(c.text) && c.text.length <= 12);
  if (name < 0) return null;
  const unit = cells.findIndex((c) => UNIT_HEADER.test(c.text));
  const targets: Column[] = [];
  const past: Column[] = [];
  cells.forEach((c, column) => {
    if (column === name || column === unit) return;
    const year = YEAR_IN_CELL.exec(c.text);
    const y = year ? Number(year[1]) : null;
    if (PAST_HEADER.test(c.text) || (y !== null && years.firstFutureYear !== null && y < years.firstFutureYear)) {
      past.push({ column, year: y, growth: false, header: c });
      return;
    }
    const future = y !== null && (years.firstFutureYear === null || y >= years.firstFutureYear);
    if (future || (y === null && /目标|预期/.test(c.text))) targets.push({ column, year: y ?? years.targetYear, growth: false, header: c });
    else if (GROWTH_HEADER.test(c.text) && PERCENT_IN_HEADER.test(c.text)) targets.push({ column, year: null, growth: true, header: c });
  });
  // 年均增速（%）beside 2025年目标: the rate runs to the year of the target column.
  const latest = Math.max(...targets.filter((c) => !c.growth && c.year !== null).map((c) => c.year as number));
  for (const c of targets) if (c.growth) c.year = Number.isFinite(latest) ? latest : years.targetYear;
  return targets.some((c) => !c.growth) ? { name, unit, targets, past, width: cells.length } : null;
}

function readRow(raw: Cell[], header: Header, years: PlanYears, row: number): { targets: TableTarget[]; baselines: TableBaseline[] } {
  const none = { targets: [], baselines: [] };
  // A row without the serial number the header has (序号) gets an empty first cell.
  const first = raw[0];
  const shifted = first !== undefined && raw.length === header.width - 1 && header.name > 0 && !SERIAL.test(first.text);
  const cells = shifted ? [{ text: '', start: first.start, end: first.start }, ...raw] : raw;
  if (cells.length !== header.width) return none;
  const nameCell = cells[header.name] as Cell;
  if (!/[\u4e00-\u9fffA-Za-z]/.test(nameCell.text) || VALUE_CELL.test(nameCell.text)) return none;
  const unitInName = UNIT_IN_NAME.exec(nameCell.text);
  const indicator = nameCell.text.replace(UNIT_IN_NAME, '');
  const rowStart = (raw[0] as Cell).start;
  const rowEnd = (raw[raw.length - 1] as Cell).end;
  const unitColumn = header.unit >= 0 ? (cells[header.unit] as Cell).text : '';
  const targets: TableTarget[] = [];
  for (const { column, year, growth, header: head } of header.targets) {
    const cell = cells[column] as Cell;
    const read = readCell(cell.text, growth ? '%' : unitColumn, unitInName?.[1] ?? '');
    if (!read) continue;
    targets.push({
      indicator,
      ...read,
      stretch: read.sign === '力争',
      year: year ?? years.targetYear,
      growth,
      header: head.text,
      headerOffset: head.start,
      cellStart: cell.start,
      cellEnd: cell.end,
      offset: nameCell.start,
      end: cell.end,
      row,
      rowStart,
      rowEnd,
    });
  }
  const baselines: TableBaseline[] = [];
  for (const { column, year } of header.past) {
    const cell = cells[column] as Cell;
    const read = readCell(cell.text, unitColumn, unitInName?.[1] ?? '');
    if (read && read.valueHigh === undefined) baselines.push({ indicator, value: read.value, unit: read.unit, year, offset: cell.start, end: cell.end, row });
  }
  return { targets, baselines };
}

interface CellReading {
  value: number;
  valueHigh?: number;
  unit: string;
  comparison: ProposalComparison;
  sign: string;
}

/** A value cell: ≥5.5, 120家以上, 3-5, ≤0.19; its unit from the cell, else the unit column, else the name's (亿元). */
function readCell(text: string, unitColumn: string, unitInName: string): CellReading | null {
  const m = VALUE_CELL.exec(text);
  if (!m) return null;
  const value = Number(m[2]);
  const high = m[3] === undefined ? undefined : Number(m[3]);
  const written = m[4] ?? '';
  const unit = unitColumn !== '' ? unitColumn : written !== '' ? written : unitInName;
  if (!Number.isFinite(value) || (high !== undefined && !(high > value))) return null;
  if (written !== '' && !WRITTEN_UNITS.some((u) => written.endsWith(u)) && !/^[万亿]/.test(written)) return null;
  const sign = m[1] ?? '';
  const tail = m[5] ?? '';
  const comparison: ProposalComparison =
    high !== undefined
      ? 'range'
      : /[≤≦]|不超过|不高于/.test(sign) || tail === '以下' || tail === '以内'
        ? 'lte'
        : /[<＜]/.test(sign)
          ? 'lt'
          : /[>＞]|超过/.test(sign)
            ? 'gt'
            : 'gte';
  return { value, ...(high === undefined ? {} : { valueHigh: high }), unit, comparison, sign };
}
