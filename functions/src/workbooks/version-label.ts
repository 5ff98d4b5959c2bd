/** A return's version as a Chinese workbook names it: 第2版 (docs/domain.md, "Workbooks": wholly Chinese). */
export function versionLabel(version: number): string {
  return `第${version}版`;
}
