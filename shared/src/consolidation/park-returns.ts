/**
 * The figures of one park for one period, in canonical units, taken from the latest accepted
 * version of its return. Consolidation and evaluation read only these and name the versions used.
 */
export interface ParkReturnValues {
  park: string;
  period: string;
  version: number;
  /** By indicator code; null = blank (not reported), which is never the same as 0. */
  values: Record<string, number | null>;
  /**
   * Indicator codes declared none (无/—/N/A: "not applicable") in this return. Their value is
   * null, yet the park answered: the cell says so (declared_none), the park is not counted as
   * missing, and it adds nothing to a sum or to Σnumerator/Σdenominator.
   */
  declaredNone?: readonly string[];
}

/** Which stored return a figure came from. */
export interface ReturnSource {
  park: string;
  version: number;
}

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
