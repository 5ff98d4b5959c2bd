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
}

/** Which stored return a figure came from. */
export interface ReturnSource {
  park: string;
  version: number;
}
