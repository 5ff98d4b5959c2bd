import ExcelJS from 'exceljs';

/**
 * Three or more Latin words in a row: an English phrase or sentence. A Chinese workbook may name
 * PCT, AMOLED or 5G in its text, never say something in English (docs/domain.md, "Workbooks").
 */
export const ENGLISH_PHRASE = /[A-Za-z]{2,}(?:[\s,;:'’()-]+[A-Za-z]{2,}){2,}/;

/** ASCII , ; : ( ) against a Chinese character: Chinese text takes ，；：（）. */
export const ASCII_PUNCTUATION_IN_CHINESE = /[\u3400-\u9fff][,;:()]|[,;:(][\u3400-\u9fff]|[\u3400-\u9fff]\)|\([\u3400-\u9fff]/;

/** A version written the English way (v1, v12): a Chinese workbook says 第1版. */
export const LATIN_VERSION = /(?<![A-Za-z0-9])v\d+/;

/**
 * A Chinese clause separator or closing mark at the start of a line of a cell (；，。、：）): what a
 * reader sees when notes are joined before a line break rather than after it.
 */
export const PUNCTUATION_AT_LINE_START = /(?:^|\n)[；，。、：）]/;

/** An identifier such as rd_share or value_declared_none: codes do not print. */
export const IDENTIFIER = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

export interface CellText {
  sheet: string;
  address: string;
  text: string;
}

/**
 * The text of every cell of every sheet that prints (visible sheets, visible columns), as a
 * reader sees it: string values, and the cached results of formulas that give text. Number
 * formats with text ("无", "个百分点/年") are included as they print.
 */
export function printedCellTexts(wb: ExcelJS.Workbook): CellText[] {
  const out: CellText[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    ws.eachRow((row) =>
      row.eachCell((cell, col) => {
        if (ws.getColumn(col).hidden) return;
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.type === ExcelJS.ValueType.Formula ? (cell.model as { result?: unknown }).result : cell.value;
        const parts: string[] = [];
        if (typeof value === 'string') parts.push(value);
        const literal = [...(cell.numFmt ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]!).join('');
        if (literal) parts.push(literal);
        if (parts.length) out.push({ sheet: ws.name, address: cell.address, text: parts.join(' ') });
      }),
    );
  });
  return out;
}

/** Text with every verbatim passage (a plan's words, a statistician's explanation) taken out. */
export function withoutVerbatim(text: string, verbatim: readonly string[]): string {
  let out = text;
  for (const v of verbatim) if (v) out = out.split(v).join('');
  return out;
}
