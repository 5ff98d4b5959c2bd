import { convertValue } from '../figures/convert-value.js';
import type { Catalogue, Target } from './catalogue-schema.js';

/** A target's value(s) in its indicator's canonical unit, beside that unit. */
export interface CanonicalTargetValue {
  value: number;
  valueHigh?: number;
  unit: string;
}

/**
 * Converts a target from the unit the plan wrote (3.4万人, 370亿元, 200万平方米) into its
 * indicator's canonical unit (34000人, 3700000万元, 2000000平方米), so it can be compared with
 * the figures a park reports.
 *
 * Throws when the target names an unknown indicator or a unit that does not convert: the
 * catalogue is shipped data checked by catalogue-data.test.ts, so that is a build fault, not
 * something a user can cause.
 */
export function targetCanonicalValue(target: Target, catalogue: Catalogue): CanonicalTargetValue {
  const indicator = catalogue.indicators.find((i) => i.code === target.indicator);
  if (indicator === undefined) {
    throw new Error(`target ${target.id}: unknown indicator ${target.indicator}`);
  }
  const convert = (value: number): number => {
    const result = convertValue(value, target.unitCode, indicator.unit, target.id);
    if (!result.ok) throw new Error(`target ${target.id}: ${result.issue.code}`);
    return result.value;
  };
  const canonical: CanonicalTargetValue = { value: convert(target.value), unit: indicator.unit };
  if (target.valueHigh !== undefined) canonical.valueHigh = convert(target.valueHigh);
  return canonical;
}
