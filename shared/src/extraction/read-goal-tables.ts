import type { Comparison } from '../catalogue/catalogue-schema.js';
import type { PlanYears } from './detect-plan-years.js';
import { WRITTEN_UNITS } from './extraction-lexicon.js';

/**
 * Targets of a goal table (主要指标表), as plans attach them and web or Word copies flatten
 * them: one row per line, cells split by "|", tabs or spaces. A header row names the indicator
 * column (指标), maybe a unit column (单位), and year columns; the columns of a future year or
 * named 目标 hold targets, those named 基数/现状/完成 hold baselines and are skipped. Works on
 * the original text, where the spaces between cells still stand.
 */
export interface TableTarget {
  indicator: string;
  value: number;
  valueHigh?: number;
  unit: string;
  comparison: Comparison;
  stretch: boolean;
  year: number | null;
  /** Original-text span of the row from the indicator cell to the value cell. */
  offset: number;
  end: number;
  /** Original-text span of the whole row: sentence readings inside it are left to the table. */
  rowStart: number;
  rowEnd: number;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

interface Header {
  name: number;
  unit: number;
  targets: { column: number; year: number | null }[];
  width: number;
}

const NAME_HEADER = /指标|名称|项目/;
const UNIT_HEADER = /^(?:计量)?单位/;
const PAST_HEADER = /基数|基期|基准|现状|完成|实际|现值|上年/;
const YEAR_IN_CELL = /(\d{4})\s*年?/;
const VALUE_CELL = /^(≥|>|＞|≧|不少于|不低于|超过|达到|力争)?\s*(\d+(?:\.\d+)?)(?:\s*[-~～—–至]\s*(\d+(?:\.\d+)?))?\s*([^\d\s]*?)\s*(以上)?$/;
const UNIT_IN_NAME = /[(（]([^()（）]{1,8})[)）]\s*$/;
const SERIAL = /^\d{1,3}[.、]?$/;
/** A row that stops matching for this many lines ends the table. */
const MAX_GAP = 2;

export function readGoalTables(text: string, years: PlanYears): TableTarget[] {
  const lines = linesOf(text);
  const out: TableTarget[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = readHeader(lines[i] as Cell[], years);
    if (!header) continue;
    let gap = 0;
    for (let k = i + 1; k < lines.length && gap < MAX_GAP; k++) {
      const found = readRow(lines[k] as Cell[], header, years);
      if (found.length === 0) {
        gap++;
        continue;
      }
      gap = 0;
      out.push(...found);
      i = k;
    }
  }
  return out;
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
  const targets: Header['targets'] = [];
  cells.forEach((c, column) => {
    if (column === name || column === unit || PAST_HEADER.test(c.text)) return;
    const year = YEAR_IN_CELL.exec(c.text);
    const y = year ? Number(year[1]) : null;
    const future = y !== null && (years.firstFutureYear === null || y >= years.firstFutureYear);
    if (future || (y === null && /目标|预期/.test(c.text))) targets.push({ column, year: y ?? years.targetYear });
  });
  return targets.length === 0 ? null : { name, unit, targets, width: cells.length };
}

function readRow(raw: Cell[], header: Header, years: PlanYears): TableTarget[] {
  // A row without the serial number the header has (序号) gets an empty first cell.
  const first = raw[0];
  const shifted = first !== undefined && raw.length === header.width - 1 && header.name > 0 && !SERIAL.test(first.text);
  const cells = shifted ? [{ text: '', start: first.start, end: first.start }, ...raw] : raw;
  if (cells.length !== header.width) return [];
  const nameCell = cells[header.name] as Cell;
  if (!/[\u4e00-\u9fffA-Za-z]/.test(nameCell.text) || VALUE_CELL.test(nameCell.text)) return [];
  const unitInName = UNIT_IN_NAME.exec(nameCell.text);
  const indicator = nameCell.text.replace(UNIT_IN_NAME, '');
  const rowStart = (raw[0] as Cell).start;
  const rowEnd = (raw[raw.length - 1] as Cell).end;
  const out: TableTarget[] = [];
  for (const { column, year } of header.targets) {
    const cell = cells[column] as Cell;
    const m = VALUE_CELL.exec(cell.text);
    if (!m) continue;
    const value = Number(m[2]);
    const high = m[3] === undefined ? undefined : Number(m[3]);
    const written = m[4] ?? '';
    const unitColumn = header.unit >= 0 ? (cells[header.unit] as Cell).text : '';
    const unit = unitColumn !== '' ? unitColumn : written !== '' ? written : (unitInName?.[1] ?? '');
    if (!Number.isFinite(value) || (high !== undefined && !(high > value))) continue;
    if (written !== '' && !WRITTEN_UNITS.some((u) => written.endsWith(u)) && !/^[万亿]/.test(written)) continue;
    const sign = m[1] ?? '';
    out.push({
      indicator,
      value,
      ...(high === undefined ? {} : { valueHigh: high }),
      unit,
      comparison: high !== undefined ? 'range' : /[>＞]|超过/.test(sign) ? 'gt' : 'gte',
      stretch: sign === '力争',
      year: year ?? years.targetYear,
      offset: nameCell.start,
      end: cell.end,
      rowStart,
      rowEnd,
    });
  }
  return out;
}
