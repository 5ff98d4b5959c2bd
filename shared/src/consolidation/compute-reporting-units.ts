import type { OrgUnit } from './org-unit.js';

/**
 * The reporting units (units without children) at or beneath `at`, in declaration order. A unit
 * with sub-units is consolidated from them, so its own return would count twice: it is not one.
 */
export function computeReportingUnits(units: readonly OrgUnit[], at: string): string[] {
  const parents = new Set(units.map((u) => u.parent).filter((p): p is string => p !== null));
  const parentOf = new Map(units.map((u) => [u.code, u.parent]));
  const isUnder = (code: string): boolean => {
    for (let c: string | null = code; c !== null; c = parentOf.get(c) ?? null) if (c === at) return true;
    return false;
  };
  return units.filter((u) => !parents.has(u.code) && isUnder(u.code)).map((u) => u.code);
}
