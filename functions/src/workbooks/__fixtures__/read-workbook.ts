import ExcelJS, { type Cell, type CellValue } from 'exceljs';

export async function loadWorkbook(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/**
 * What a cell shows: a formula's cached result, else its value; '' for blank. Reads the cell's
 * model, since exceljs's `value` getter drops a formula's cached result when it is 0.
 */
export function shown(cell: Cell): number | string {
  if (cell.type === ExcelJS.ValueType.Formula) return plain((cell.model as { result?: CellValue }).result ?? null);
  return plain(cell.value);
}

function plain(v: CellValue): number | string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'error' in v) return String(v.error);
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

export interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: number | string;
}

export function formulaCells(wb: ExcelJS.Workbook): FormulaCell[] {
  const out: FormulaCell[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address, formula: cell.formula, result: shown(cell) });
      }),
    );
  });
  return out;
}

/**
 * A number as Excel and LibreOffice keep it in a file: 15 significant digits, rounded half away
 * from zero on the shortest decimal form of the double (0.09714343165828665 → 0.0971434316582867).
 * JavaScript's toPrecision(15) rounds the exact binary value instead and can land one digit
 * lower on such a tie, which is why it is not used here.
 */
export function excelPrecision(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/[-.]/g, '');
  if (digits.length <= 15) return x;
  let kept = BigInt(digits.slice(0, 15));
  if (Number(digits[15]) >= 5) kept += 1n;
  return Number(`${negative ? '-' : ''}${kept}e${Number(exponent) - 14}`);
}

/**
 * Equal as a spreadsheet sees numbers: to 15 significant digits, so 0.1+0.2 equals 0.3 and 6.8 is
 * not 6.81. A result that subtracts two totals (同比 = 合计 ÷ 上年同期 − 1) may differ in that last
 * digit: LibreOffice adds with Kahan compensation, Excel and JavaScript do not, and the subtraction
 * magnifies the difference of the 16th digit. Such a result is equal when it agrees to 1e-13 of
 * itself; any wrong cache is off by far more.
 */
export function sameAsExcel(a: number | string, b: number | string): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return excelPrecision(a) === excelPrecision(b) || Math.abs(a - b) <= 1e-13 * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/** Every formula of `original` whose LibreOffice result (in `recalculated`) differs from its cached value. */
export async function formulaMismatches(original: Uint8Array, recalculated: Uint8Array): Promise<Array<FormulaCell & { libreoffice: number | string }>> {
  const ours = formulaCells(await loadWorkbook(original));
  const theirs = await loadWorkbook(recalculated);
  return ours.flatMap((f) => {
    const lo = shown(theirs.getWorksheet(f.sheet)!.getCell(f.address));
    return sameAsExcel(f.result, lo) ? [] : [{ ...f, libreoffice: lo }];
  });
}
