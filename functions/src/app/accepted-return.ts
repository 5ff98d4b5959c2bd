/**
 * A park's return for one period as consolidation, evaluation and later templates read it: the
 * latest accepted version (computeAcceptedVersion) with its figures, and the returned versions
 * after it.
 */
export interface AcceptedReturn {
  park: string;
  period: string;
  /** null when a reviewer returned (退回) every version: the park counts as not reported. */
  accepted: {
    version: number;
    values: Record<string, number | null>;
    baselines: Record<string, number | null>;
    /** Fields declared none (无): answered "not applicable", not left blank. */
    declaredNone: string[];
  } | null;
  /** Versions after the accepted one, each returned by a reviewer: not read. */
  returned: number[];
}
