import { isMoreThan } from './compare-figures.js';

export type RankDirection = 'higher' | 'lower';

/**
 * Competition ranks (1, 2, 2, 4): one plus the number of values strictly better, so ties share a
 * rank and the next rank skips. Values equal up to rounding noise tie. Blank values get no rank.
 */
export function computeRanks(values: readonly (number | null)[], direction: RankDirection): (number | null)[] {
  const better = (a: number, b: number): boolean => (direction === 'higher' ? isMoreThan(a, b) : isMoreThan(b, a));
  const reported = values.filter((v): v is number => v !== null);
  return values.map((v) => (v === null ? null : 1 + reported.filter((o) => better(o, v)).length));
}
