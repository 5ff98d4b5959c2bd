import type { ParkReturnValues } from './park-return-values.js';

/**
 * The returns of one period by park. The caller passes the latest accepted version of each
 * park, so a second return of the same park, a return of another period, or a value that is
 * not a finite number is misuse: this throws rather than guess which one counts.
 */
export function computeReturnIndex(returns: readonly ParkReturnValues[], period: string): Map<string, ParkReturnValues> {
  const byPark = new Map<string, ParkReturnValues>();
  for (const r of returns) {
    if (r.period !== period) throw new Error(`return of ${r.park} is for period ${r.period}, not ${period}`);
    if (byPark.has(r.park)) throw new Error(`two returns of ${r.park} for ${period}: pass only the latest accepted version`);
    for (const [code, v] of Object.entries(r.values)) {
      if (v !== null && !Number.isFinite(v)) throw new Error(`return of ${r.park} (${period}) has a non-finite ${code}`);
    }
    byPark.set(r.park, r);
  }
  return byPark;
}
