/**
 * A period as Chinese statistical tables print it (docs/domain.md, "Periods and comparisons"):
 * "2026" is 2026年; a quarterly return reports the year to date, so "2026Q3" is 2026年1-9月.
 */
export function periodLabel(code: string): string {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(code);
  if (!m) return code;
  return m[2] === undefined ? `${m[1]}年` : `${m[1]}年1-${Number(m[2]) * 3}月`;
}
