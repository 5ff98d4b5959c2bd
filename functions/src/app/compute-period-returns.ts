import type { ParkReturnValues, ReturnSource } from '@zj/shared';
import type { AcceptedReturn } from './accepted-return.js';

/** What consolidation or evaluation reads for one period, and what it leaves out. */
export interface PeriodReturns {
  /** The latest accepted version of each park that has one. */
  returns: ParkReturnValues[];
  /** Versions not read because a reviewer returned (退回) them. */
  returned: ReturnSource[];
}

export function computePeriodReturns(read: readonly AcceptedReturn[]): PeriodReturns {
  return {
    returns: read.flatMap((r) => (r.accepted ? [{ park: r.park, period: r.period, version: r.accepted.version, values: r.accepted.values, declaredNone: r.accepted.declaredNone }] : [])),
    returned: read.flatMap((r) => r.returned.map((version) => ({ park: r.park, version }))),
  };
}
