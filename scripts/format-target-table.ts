import type { Catalogue, Comparison } from '../shared/src/index.js';

const SYMBOL: Record<Comparison, string> = { gte: '≥', gt: '>', range: '∈' };

/** Terminal columns a string takes: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * The catalogue's targets as a plain-text table for a terminal: park, indicator (zh), comparison,
 * value with the unit the plan wrote, year, and 力争 for stretch goals.
 */
export function formatTargetTable(catalogue: Catalogue): string {
  const parkName = new Map(catalogue.parks.map((p) => [p.code, p.name.zh + (p.draft ? '(稿)' : '')]));
  const indicatorName = new Map(catalogue.indicators.map((i) => [i.code, i.name.zh]));
  const header = ['园区', '指标', '比较', '目标值', '年份', '力争'];
  const rows = catalogue.targets.map((t) => [
    parkName.get(t.park) ?? t.park,
    indicatorName.get(t.indicator) ?? t.indicator,
    SYMBOL[t.comparison],
    (t.valueHigh === undefined ? String(t.value) : `${t.value}-${t.valueHigh}`) + t.unit,
    String(t.year),
    t.stretch ? '力争' : '',
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line), '', `${rows.length} targets, ${catalogue.indicators.length} indicators`].join('\n');
}
