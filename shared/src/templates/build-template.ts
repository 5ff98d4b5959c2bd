import { catalogueInForce } from '../catalogue/catalogue-in-force.js';
import type { Catalogue, Indicator, Park, Target } from '../catalogue/catalogue-schema.js';
import { targetCanonicalValue } from '../catalogue/target-canonical-value.js';
import { contentHash } from '../hashing/content-hash.js';
import { deriveRules } from '../rules/derive-rules.js';
import { askedIndicators } from './asked-indicators.js';
import { computeDerivedValue } from '../consolidation/derived-values.js';
import { periodOf, reportingDays, type Quarter } from '../periods/periods.js';
import { TEMPLATE_LAYOUT_VERSION } from './layout-template.js';
import type { TemplateField, TemplateModel, TemplateTarget } from './template-model.js';

export interface TemplatePeriod {
  code: string;
  year: number;
  quarter: number | null;
}

export interface TemplateContext {
  /** Days in the period, for 日均 (per-day) rates. */
  periodDays: number;
  /** Latest accepted values of the previous period, by indicator code, or null when none. */
  previous: { period: string; values: Record<string, number | null> } | null;
  /** Baseline (基期值) values already reported with an earlier return, by indicator code. */
  baselines: Record<string, number | null>;
}

/**
 * The template of one park for one period: the park's targeted indicators, the zone-wide common
 * set, and every component a ratio or rate (or a part-of-whole check) needs, with the previous
 * period's values, the baseline, the rule set and a version hash over all of it.
 * The park must exist in the catalogue: callers check that first (an unknown park is user input
 * there, but misuse here).
 */
export function buildTemplate(current: Catalogue, parkCode: string, period: TemplatePeriod, context: TemplateContext): TemplateModel {
  // The plan in force in the period's year: a plan replaced from a later year still governs this one.
  const catalogue = catalogueInForce(current, period.year);
  const park = catalogue.parks.find((p) => p.code === parkCode);
  if (!park) throw new Error(`buildTemplate: unknown park "${parkCode}"`);
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const indicator = (code: string): Indicator => {
    const found = byCode.get(code);
    if (!found) throw new Error(`catalogue: unknown indicator "${code}"`);
    return found;
  };

  const parkTargets = catalogue.targets.filter((t) => t.park === park.code);
  const asked = askedIndicators(catalogue, park.code);
  const keyOf = (code: string) => asked.primaryOf.get(code) ?? code;
  const primaryOf = asked.primaryOf;

  const baselineYear = park.plan.startYear - 1;
  const asksBaseline = period.year > baselineYear;
  const targetedDerivedComponents = new Set<string>();
  for (const t of parkTargets) {
    const c = indicator(t.indicator).components;
    if (!c) continue;
    for (const ref of [c.numerator, c.denominator]) if ('indicator' in ref) targetedDerivedComponents.add(keyOf(ref.indicator));
  }

  const fields: TemplateField[] = asked.rows.map(({ code, reasons: fieldReasons }) => {
    const ind = indicator(code);
    const sameAs = [...primaryOf].filter(([, primary]) => primary === code).map(([alias]) => alias);
    const targets = parkTargets.filter((t) => keyOf(t.indicator) === code).map((t) => templateTarget(t, catalogue));
    const needsBaseline = asksBaseline && ind.hasBaseline && (targets.length > 0 || targetedDerivedComponents.has(code));
    return {
      key: code,
      indicator: code,
      label: ind.name,
      definition: ind.definition,
      unit: ind.unit,
      valueType: ind.valueType,
      measure: ind.measure,
      derived: ind.components !== undefined,
      runningTotal: ind.runningTotal || ind.measure === 'cumulative',
      ...(ind.components ? { formula: formulaOf(ind, keyOf) } : {}),
      ...(ind.partOf ? { partOf: keyOf(ind.partOf) } : {}),
      ...(sameAs.length ? { sameAs: sameAs.map((a) => ({ indicator: a, label: indicator(a).name })) } : {}),
      reasons: fieldReasons,
      required: fieldReasons.includes('target') || fieldReasons.includes('common') || fieldReasons.includes('component'),
      ...boundsOf(ind),
      previous: previousOf(ind, context.previous),
      targets,
      baseline: needsBaseline ? { year: baselineYear, value: baselineValue(ind, context.baselines) } : null,
    };
  });
  // Derived fields are computed, never required as typed input.
  for (const f of fields) if (f.derived) f.required = false;

  const rules = deriveRules(fields, { previousPeriod: context.previous?.period ?? null, period: period.code });
  const body = {
    park: park.code,
    parkName: park.name,
    form: { zone: catalogue.zone.name, number: catalogue.zone.form.number, authority: catalogue.zone.form.authority },
    period: period.code,
    periodDays: context.periodDays,
    previousPeriod: context.previous?.period ?? null,
    fields,
    rules,
  };
  // The sheet's layout is part of the version: a template downloaded before it changed is refused
  // as out of date instead of being read at the wrong rows. The catalogue version is said, not
  // hashed: a version that changes nothing of this park's template (another park onboarded) does
  // not make the sheets already filled stale.
  return {
    ...body,
    version: contentHash({ ...body, plan: planFingerprint(park), layout: TEMPLATE_LAYOUT_VERSION }),
    catalogueVersion: catalogue.version,
  };
}

/**
 * Last period's figure of a field; a ratio or rate from last period's components, over that
 * period's days for a 日均 rate, so ratio rows show their 上期数 too (docs/domain.md, "Workbooks").
 */
function previousOf(ind: Indicator, previous: TemplateContext['previous']): number | null {
  if (!previous) return null;
  if (!ind.components) return previous.values[ind.code] ?? null;
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(previous.period);
  if (!m) return null;
  const days = reportingDays(periodOf(Number(m[1]), m[2] === undefined ? null : (Number(m[2]) as Quarter)));
  return computeDerivedValue(ind, previous.values, days).value ?? previous.values[ind.code] ?? null;
}

function formulaOf(ind: Indicator, keyOf: (code: string) => string): NonNullable<TemplateField['formula']> {
  const c = ind.components!;
  const ref = (r: typeof c.numerator) => ('indicator' in r ? keyOf(r.indicator) : 'periodDays');
  return { numerator: ref(c.numerator), denominator: ref(c.denominator), scale: c.scale };
}

/** Counts and amounts cannot be negative; shares lie in 0-100 (catalogue range overrides). */
function boundsOf(ind: Indicator): { min?: number; max?: number } {
  const min = ind.range?.min ?? 0;
  const max = ind.range?.max ?? (ind.measure === 'ratio' && ind.unit === '%' ? 100 : undefined);
  return { min, ...(max !== undefined ? { max } : {}) };
}

/** A running total since the plan started is 0 at the baseline by definition. */
function baselineValue(ind: Indicator, known: Record<string, number | null>): number | null {
  if (ind.measure === 'cumulative') return 0;
  return known[ind.code] ?? null;
}

function templateTarget(t: Target, catalogue: Catalogue): TemplateTarget {
  const canonical = targetCanonicalValue(t, catalogue);
  return {
    id: t.id,
    value: t.value,
    ...(t.valueHigh !== undefined ? { valueHigh: t.valueHigh } : {}),
    unit: t.unitCode,
    canonicalValue: canonical.value,
    ...(canonical.valueHigh !== undefined ? { canonicalValueHigh: canonical.valueHigh } : {}),
    comparison: t.comparison,
    stretch: t.stretch,
    year: t.year,
    quote: t.quote,
  };
}

function planFingerprint(park: Park) {
  return { plan: park.plan, draft: park.draft, documentNumber: park.documentNumber };
}
