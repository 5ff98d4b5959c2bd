import type { Catalogue, Indicator } from '../catalogue/catalogue-schema.js';
import { CONSOLIDATION_KINDS } from './consolidation-kinds.js';
import type { ConsolidatedRow, Consolidation, IgnoredReturn } from './consolidation-result.js';
import { componentBehaviourOf } from './derived-values.js';
import { askedIndicators, type AskedIndicators } from '../templates/asked-indicators.js';
import { assertOrgTree, computeConsolidatingUnits, computeOrgUnits, computeReportingUnits, type OrgUnit } from './org-units.js';
import { computeReturnIndex, readAnswers, type Answers, type ParkReturnValues, type ReturnSource } from './park-returns.js';

export interface ConsolidateOptions {
  /** Days in the period (365 or 366 for a year; 90-92 for a quarter): the denominator of 日均 rates. */
  periodDays: number;
  /** The hierarchy; the catalogue's zone → parks (→ sub-parks) by default. */
  units?: OrgUnit[];
  /** The org unit to consolidate: the root (the zone) by default, or a park with sub-parks. */
  at?: string;
  /**
   * Versions later than the one in `returns` (or than none) that a reviewer returned (退回): not
   * read, and listed in `ignored` with reason 'returned' so the result says why.
   */
  returned?: readonly ReturnSource[];
}

/**
 * Consolidates (汇总) the returns of the reporting units beneath one org unit, every indicator of
 * the catalogue as its consolidation kind says. `returns` are the latest accepted version of each
 * park for `period`, in canonical units; the result names the versions it used.
 */
export function consolidate(catalogue: Catalogue, period: string, returns: readonly ParkReturnValues[], options: ConsolidateOptions): Consolidation {
  const { periodDays } = options;
  if (!Number.isInteger(periodDays) || periodDays <= 0) throw new Error(`periodDays must be a positive integer, got ${periodDays}`);
  const orgUnits = options.units ?? computeOrgUnits(catalogue);
  assertOrgTree(orgUnits);
  const at = options.at ?? orgUnits.find((u) => u.parent === null)?.code ?? catalogue.zone.code;
  if (!orgUnits.some((u) => u.code === at)) throw new Error(`unknown org unit "${at}"`);

  const units = computeReportingUnits(orgUnits, at);
  const inScope = new Set(units);
  const known = new Set(orgUnits.map((u) => u.code));
  const index = computeReturnIndex(returns, period);
  const ignored: IgnoredReturn[] = [];
  for (const r of index.values()) {
    if (!known.has(r.park)) ignored.push({ park: r.park, version: r.version, reason: 'unknown_unit' });
    else if (!inScope.has(r.park) && computeReportingUnits(orgUnits, r.park).some((u) => inScope.has(u))) {
      ignored.push({ park: r.park, version: r.version, reason: 'not_reporting_unit' });
    }
  }
  for (const r of options.returned ?? []) if (inScope.has(r.park)) ignored.push({ park: r.park, version: r.version, reason: 'returned' });
  const used = units.flatMap((u) => index.get(u) ?? []);
  const answersByUnit = new Map(used.map((r) => [r.park, readAnswers(r)]));
  // What each unit is asked for is its template (askedIndicators); a unit the catalogue does not
  // know as a park (a hierarchy passed in) is asked for everything.
  const parks = new Set(catalogue.parks.map((p) => p.code));
  const askedOf = new Map<string, AskedIndicators | null>(units.map((u) => [u, parks.has(u) ? askedIndicators(catalogue, u) : null]));

  return {
    at,
    period,
    periodDays,
    units,
    rows: catalogue.indicators.map((indicator) =>
      consolidateRow(indicator, units, new Set(units.filter((u) => askedOf.get(u)?.has(indicator.code) ?? true)), answersByUnit, periodDays),
    ),
    missingReturns: units.filter((u) => !index.has(u)),
    sources: used.map((r) => ({ park: r.park, version: r.version })),
    ignored,
    catalogueVersion: catalogue.version,
  };
}

/**
 * Cell reasons that mean the unit did not report the figure (a zero denominator was reported;
 * 无 is an answer too: docs/domain.md, "Declared none (无)").
 */
const MISSING: ReadonlySet<string> = new Set(['no_return', 'not_reported', 'missing_component']);

function consolidateRow(
  indicator: Indicator,
  units: readonly string[],
  asked: ReadonlySet<string>,
  answersByUnit: ReadonlyMap<string, Answers>,
  periodDays: number,
): ConsolidatedRow {
  const { cells, total } = CONSOLIDATION_KINDS[indicator.consolidation].consolidate({ indicator, units, asked, answersByUnit, periodDays });
  const row: ConsolidatedRow = {
    indicator: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    consolidation: indicator.consolidation,
    cells,
    total,
    asked: units.filter((u) => asked.has(u)),
    missing: cells.filter((c) => c.reason !== undefined && MISSING.has(c.reason)).map((c) => c.unit),
    distinctFrom: indicator.distinctFrom.map((d) => d.indicator),
  };
  if (indicator.consolidationNote) row.note = indicator.consolidationNote;
  const c = indicator.components;
  if (c) {
    row.components = {
      numerator: componentBehaviourOf(c.numerator).label,
      denominator: componentBehaviourOf(c.denominator).label,
      scale: c.scale,
    };
  }
  return row;
}

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
