/**
 * Rounds away binary floating-point noise: 0.1 + 0.2 → 0.3, 1.1 × 10000 → 11000.
 *
 * Why 15 significant digits rather than a fixed number of decimal places: 15 is the precision
 * Excel keeps for every number, and the most decimal digits a double holds faithfully, so any
 * figure a statistician typed survives unchanged, while noise in the 16th-17th digit goes. A
 * fixed count of decimals would either keep noise on large amounts or wipe out small ones after
 * a unit conversion (1元 is 0.00000001亿元). `toPrecision` is exact by the ECMAScript spec, so the
 * result is the same on every machine. -0 becomes 0. The caller passes a finite number; the few
 * doubles next to Number.MAX_VALUE that would round up to Infinity are returned as they are.
 */
export function roundFigure(value: number): number {
  const rounded = Number(value.toPrecision(15));
  if (!Number.isFinite(rounded)) return value;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Rounds to `digits` decimals as Excel's and LibreOffice's ROUND do: half away from zero on the
 * figure's 15-digit decimal reading, so 1.005 → 1.01 (where `toFixed` gives 1.00, 1.005 being
 * 1.00499… in binary), and a cached result equals what the spreadsheet recalculates. -0 becomes 0.
 */
export function roundDecimals(value: number, digits: number): number {
  const scale = 10 ** digits;
  const scaled = Number((Math.abs(value) * scale).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / scale;
  return rounded === 0 ? 0 : rounded;
}
