import type { Catalogue, Comparison, Indicator, Park, PlanSource, SupersededPlan, Target } from '../catalogue/catalogue-schema.js';
import { findUnit } from '../figures/units.js';
import { PERIOD_DAYS, type NewIndicator, type OnboardingReview } from './onboarding-review.js';

/** Counting units: a figure in them is a whole number. */
const WHOLE_DIMENSIONS = new Set(['enterprises', 'pieces', 'items', 'sets', 'people']);

/**
 * The catalogue after a review is published (the version number is the store's to give): the new
 * indicators added, and the park added with its plan and accepted targets ('new'), or its plan
 * and targets replaced ('replace'), the replaced plan kept in supersededPlans up to the year
 * before `fromYear`, so templates and evaluations of earlier years still read it
 * (catalogueInForce). The review must have passed checkOnboarding: this is misuse otherwise
 * and throws. Pure.
 */
export function applyOnboarding(catalogue: Catalogue, review: OnboardingReview, source: PlanSource, at: string): Catalogue {
  const { plan } = review;
  if (plan.startYear === null || plan.endYear === null) throw new Error('applyOnboarding: the plan period is missing (checkOnboarding first)');
  const planFields = {
    planTitle: plan.planTitle.trim(),
    documentNumber: plan.documentNumber?.trim() || null,
    issuedOn: plan.issuedOn || null,
    plan: { startYear: plan.startYear, endYear: plan.endYear },
    draft: plan.draft,
    planSource: source,
  };
  const targets = review.items
    .filter((item) => item.decision === 'accepted')
    .map((item): Target => {
      if (item.value === null || item.year === null || item.indicator === null || item.unitCode === null)
        throw new Error('applyOnboarding: an accepted item is incomplete (checkOnboarding first)');
      const comparison: Comparison = item.comparison === 'gt' ? 'gt' : item.comparison === 'range' ? 'range' : 'gte';
      return {
        id: `${plan.park}.${item.indicator}.${item.year}`,
        park: plan.park,
        indicator: item.indicator,
        value: item.value,
        ...(comparison === 'range' && item.valueHigh !== null ? { valueHigh: item.valueHigh } : {}),
        unit: item.unit.trim() || item.unitCode,
        unitCode: item.unitCode,
        comparison,
        stretch: item.stretch,
        year: item.year,
        quote: item.quote,
        // One target per park, indicator and year: checkOnboarding refuses a second (a restatement
        // of a seeded plan is catalogued by hand, docs/domain.md, "Targets").
        restatements: [],
        // The reviewer writes one note, in the language of the review: kept as both, so the
        // Chinese workbooks never lose it (an English reading may be added in the catalogue).
        ...(item.note.trim() ? { note: { zh: item.note.trim(), en: item.note.trim() } } : {}),
      };
    });
  const indicators = [...catalogue.indicators, ...review.newIndicators.map(indicatorOf)];

  if (plan.mode === 'new') {
    const park: Park = {
      code: plan.park,
      name: { zh: plan.name.zh.trim(), en: plan.name.en.trim() },
      district: { zh: plan.district.zh.trim(), en: plan.district.en.trim() },
      ...planFields,
      notes: [],
      parent: 'zone',
      sameFigures: [],
    };
    return { ...catalogue, parks: [...catalogue.parks, park], indicators, targets: [...catalogue.targets, ...targets] };
  }

  const old = catalogue.parks.find((p) => p.code === plan.park);
  if (!old || plan.fromYear === null) throw new Error(`applyOnboarding: no park "${plan.park}" to replace, or no year the new plan governs from`);
  const superseded: SupersededPlan = {
    park: old.code,
    plan: {
      planTitle: old.planTitle,
      documentNumber: old.documentNumber,
      issuedOn: old.issuedOn,
      plan: old.plan,
      draft: old.draft,
      ...(old.seedFile !== undefined ? { seedFile: old.seedFile } : {}),
      ...(old.planSource !== undefined ? { planSource: old.planSource } : {}),
    },
    targets: catalogue.targets.filter((t) => t.park === old.code),
    lastYear: plan.fromYear - 1,
    replacedInVersion: catalogue.version + 1,
    replacedAt: at,
  };
  const { seedFile: _seed, planSource: _source, ...kept } = old;
  const park: Park = { ...kept, ...planFields };
  return {
    ...catalogue,
    parks: catalogue.parks.map((p) => (p.code === old.code ? park : p)),
    indicators,
    targets: [...catalogue.targets.filter((t) => t.park !== old.code), ...targets],
    supersededPlans: [...catalogue.supersededPlans, superseded],
  };
}

function indicatorOf(ind: NewIndicator): Indicator {
  const unit = findUnit(ind.unit);
  const ref = (code: string) => (code === PERIOD_DAYS ? { periodDays: true as const } : { indicator: code });
  return {
    code: ind.code,
    name: { zh: ind.name.zh.trim(), en: ind.name.en.trim() },
    definition: { zh: ind.definition.zh.trim() || ind.name.zh.trim(), en: ind.definition.en.trim() || ind.name.en.trim() },
    unit: ind.unit,
    measure: ind.measure,
    valueType: unit && WHOLE_DIMENSIONS.has(unit.dimension) ? 'integer' : 'decimal',
    consolidation: ind.consolidation,
    ...(ind.components
      ? { components: { numerator: ref(ind.components.numerator), denominator: ref(ind.components.denominator), scale: ind.unit === '%' ? 100 : 1 } }
      : {}),
    runningTotal: false,
    common: false,
    ...(ind.unit === '%' ? { range: { min: 0, max: 100 } } : {}),
    distinctFrom: ind.distinctFrom.map((d) => ({ indicator: d.indicator, reason: { zh: d.reason.zh, en: d.reason.en } })),
    hasBaseline: ind.hasBaseline,
  };
}
