/** A1 addresses. Columns of the template are single letters (A-K); helpers stay general anyway. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function rangeAddress(firstColumn: string, firstRow: number, lastColumn: string, lastRow: number): string {
  return firstColumn === lastColumn && firstRow === lastRow ? `${firstColumn}${firstRow}` : `${firstColumn}${firstRow}:${lastColumn}${lastRow}`;
}
