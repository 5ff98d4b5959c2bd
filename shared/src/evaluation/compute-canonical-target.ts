import type { Indicator, Target } from '../catalogue/catalogue-schema.js';
import { findUnit } from '../figures/units.js';

/** A target in its indicator's canonical unit, with the factor used (3.4万人 → 34000人, factor 10000). */
export interface CanonicalTarget {
  value: number;
  valueHigh: number | null;
  /** canonical = as written × factor */
  factor: number;
  unit: string;
}

/**
 * Converts a target from the unit it is written in (target.unitCode) to the indicator's unit via
 * the UNITS factors. The product is rounded to 12 significant digits so that 0.07亿元 is 700万元,
 * not 700.0000000000001. A unit the catalogue does not know, or of another dimension (家 for an
 * indicator in 件), is a catalogue fault: this throws.
 */
export function computeCanonicalTarget(target: Target, indicator: Indicator): CanonicalTarget {
  const written = findUnit(target.unitCode);
  const canonical = findUnit(indicator.unit);
  if (!written || !canonical) throw new Error(`target ${target.id}: unknown unit "${target.unitCode}" or "${indicator.unit}"`);
  if (written.dimension !== canonical.dimension) {
    throw new Error(`target ${target.id}: unit ${target.unitCode} (${written.dimension}) cannot express ${indicator.code} in ${indicator.unit}`);
  }
  const factor = written.factor / canonical.factor;
  const convert = (v: number): number => Number((v * factor).toPrecision(12));
  return {
    value: convert(target.value),
    valueHigh: target.valueHigh === undefined ? null : convert(target.valueHigh),
    factor,
    unit: indicator.unit,
  };
}
