import type { Comparison, Localized, MeasureKind, ValueType } from '../catalogue/catalogue-schema.js';
import type { RuleSpec } from '../rules/rule-spec.js';

/** Why a field is on a park's template. A field may be there for several reasons. */
export type FieldReason = 'target' | 'common' | 'component';

/** A target of this park on this field's indicator, shown beside the input. */
export interface TemplateTarget {
  id: string;
  value: number; // as written in the plan
  valueHigh?: number;
  unit: string; // unit code the plan's value is in (e.g. 亿元)
  canonicalValue: number; // in the field's unit
  canonicalValueHigh?: number;
  comparison: Comparison;
  stretch: boolean;
  year: number;
  quote: string;
}

/**
 * One row of the template. `key` is the indicator code: a park reports each indicator once per
 * period. Ratio and rate fields are derived from their components (a formula in the sheet); a
 * typed value there is checked against the components, never trusted alone.
 */
export interface TemplateField {
  key: string;
  indicator: string;
  label: Localized;
  definition: Localized;
  unit: string;
  valueType: ValueType;
  measure: MeasureKind;
  derived: boolean;
  /** The figure never falls from one period to the next (累计). */
  runningTotal: boolean;
  /** For derived fields: value = numerator / denominator × scale. `periodDays` is the days in the period. */
  formula?: { numerator: string | 'periodDays'; denominator: string | 'periodDays'; scale: number };
  /** This figure is a part of that field (part ≤ whole). */
  partOf?: string;
  /**
   * Indicators this one figure also answers in this park (docs/domain.md, "Targets": 奉贤园's
   * 三大特色产业总规模 is its 主导及特色产业营收). The return stores the value under each of them.
   */
  sameAs?: Array<{ indicator: string; label: Localized }>;
  reasons: FieldReason[];
  required: boolean;
  min?: number;
  max?: number;
  /** Latest accepted value of the previous period (a ratio or rate: from that period's components), or null. */
  previous: number | null;
  targets: TemplateTarget[];
  /**
   * The plan's baseline year (the year before the plan starts) and the value known for it.
   * When the value is null and the field has targets, the return must also report the baseline.
   */
  baseline: { year: number; value: number | null } | null;
}

export interface TemplateModel {
  park: string;
  parkName: Localized;
  /** The zone's statistical form the template is: the zone, 表号 and 制表机关 (catalogue zone.json). */
  form: { zone: Localized; number: string; authority: Localized };
  period: string;
  periodDays: number;
  /** Number of the previous period whose values fill `previous`, or null. */
  previousPeriod: string | null;
  fields: TemplateField[];
  rules: RuleSpec[];
  /** Content hash of everything above: changes whenever any of it changes. */
  version: string;
  /** The catalogue version the template was built from (said, not part of `version`). */
  catalogueVersion: number;
}
