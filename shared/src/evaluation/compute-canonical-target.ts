import type { Indicator, Target } from '../catalogue/catalogue-schema.js';
import { convertValue } from '../figures/convert-value.js';
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
 * Converts a target from the unit it is written in (target.unitCode) to its indicator's unit with
 * `convertValue`, the same conversion (and rounding of binary noise: 0.07亿元 is 700万元) as every
 * other figure. A unit the catalogue does not know, or of another dimension (家 for an indicator
 * in 件), is a catalogue fault: this throws.
 */
export function computeCanonicalTarget(target: Target, indicator: Indicator): CanonicalTarget {
  const convert = (value: number): number => {
    const r = convertValue(value, target.unitCode, indicator.unit, `targets.${target.id}`);
    if (!r.ok) throw new Error(`target ${target.id}: ${r.issue.code} (${target.unitCode} → ${indicator.unit})`);
    return r.value;
  };
  const value = convert(target.value);
  const factor = (findUnit(target.unitCode)?.factor ?? 1) / (findUnit(indicator.unit)?.factor ?? 1);
  return {
    value,
    valueHigh: target.valueHigh === undefined ? null : convert(target.valueHigh),
    factor,
    unit: indicator.unit,
  };
}
