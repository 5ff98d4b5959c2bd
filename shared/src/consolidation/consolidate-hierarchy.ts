import type { Catalogue } from '../catalogue/catalogue-schema.js';
import { computeConsolidatingUnits } from './compute-consolidating-units.js';
import { computeOrgUnits } from './compute-org-units.js';
import { consolidate, type ConsolidateOptions } from './consolidate.js';
import type { Consolidation } from './consolidation-result.js';
import type { ParkReturnValues } from './park-return-values.js';

/**
 * Consolidates at every org unit that has sub-units: the zone, and each park with sub-parks.
 * Each one is built from the reporting units beneath it, so the levels agree by construction.
 */
export function consolidateHierarchy(
  catalogue: Catalogue,
  period: string,
  returns: readonly ParkReturnValues[],
  options: Omit<ConsolidateOptions, 'at'>,
): Consolidation[] {
  const units = options.units ?? computeOrgUnits(catalogue);
  return computeConsolidatingUnits(units).map((at) => consolidate(catalogue, period, returns, { ...options, units, at }));
}
