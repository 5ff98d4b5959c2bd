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
