import { parsePeriod, periodOrder } from '../periods/periods.js';

/**
 * The baselines (基期值) a park's accepted returns report, kept so that a reader gets them in one
 * read however many periods the park has (functions/src/storage: one row per park beside its
 * heads). By indicator code, each value reported with the periods whose accepted version
 * reports it: `{ rd_expenditure: [[1200, ['2024Q4', '2025Q1', …]], [1250, ['2025']]] }`. A
 * value is stored once however many periods repeat it (every return copies the baselines its
 * template already knows), so the index grows by a period code per period, not by a value.
 *
 * It answers exactly what collecting the baselines of the accepted returns in period order
 * answers (lifecycle.ts, collectBaselines): for each indicator, the value of the latest period
 * that reports one, optionally among periods before a given one.
 */
export type BaselineIndex = Record<string, Array<[value: number, periods: string[]]>>;

/** What one period's accepted version adds to the index: its baselines that are not blank. */
export function contributionOf(baselines: Readonly<Record<string, number | null>> | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(baselines ?? {})) if (value !== null) out[key] = value;
  return out;
}

/** Whether two periods' baselines contribute the same to the index. */
export function sameContribution(
  a: Readonly<Record<string, number | null>> | null | undefined,
  b: Readonly<Record<string, number | null>> | null | undefined,
): boolean {
  const x = contributionOf(a);
  const y = contributionOf(b);
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => y[k] === x[k]);
}

/**
 * The index with `period`'s contribution replaced by these baselines (null: the period has no
 * accepted version any more). Pure: the index given is not changed.
 */
export function indexWith(index: BaselineIndex, period: string, baselines: Readonly<Record<string, number | null>> | null): BaselineIndex {
  const out: BaselineIndex = {};
  for (const [key, entries] of Object.entries(index)) {
    const kept = entries
      .map(([value, periods]): [number, string[]] => [value, periods.filter((p) => p !== period)])
      .filter(([, periods]) => periods.length > 0);
    if (kept.length > 0) out[key] = kept;
  }
  for (const [key, value] of Object.entries(contributionOf(baselines))) {
    const entries = (out[key] ??= []);
    const entry = entries.find(([v]) => Object.is(v, value));
    if (entry) entry[1] = [...entry[1], period].sort();
    else entries.push([value, [period]]);
  }
  return out;
}

/**
 * The baseline of each indicator: the value reported by the latest period (in period order: an
 * annual return after the year's fourth quarter) that reports one, among periods before
 * `before` (a periodOrder) when it is given.
 */
export function baselinesOf(index: BaselineIndex, before?: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, entries] of Object.entries(index)) {
    let best: { order: number; value: number } | null = null;
    for (const [value, periods] of entries) {
      for (const period of periods) {
        const order = orderOf(period);
        if (before !== undefined && order >= before) continue;
        if (best === null || order > best.order) best = { order, value };
      }
    }
    if (best !== null) out[key] = best.value;
  }
  return out;
}

function orderOf(code: string): number {
  const parsed = parsePeriod(code);
  if (!parsed.ok) throw new Error(`baseline index: period "${code}" is not a period`);
  return periodOrder(parsed.period);
}
