import { codeSchema, type Catalogue, type Indicator } from '../catalogue/catalogue-schema.js';
import { findUnit } from '../figures/units.js';
import type { Issue } from '../issues/issue.js';
import { makeIssue } from '../issues/make-issue.js';
import { PERIOD_DAYS, type NewIndicator, type OnboardingReview } from './onboarding-review.js';

/**
 * Everything that keeps a review from being published, as issues with stable codes and messages
 * in Chinese and English (onboarding-messages.ts), each naming the field it concerns
 * (`plan.park`, `items.3.quote`, `newIndicators.0`). Only accepted items are checked: a rejected
 * or pending proposal is not published. `planText` is the text the proposals were read from;
 * every accepted quote must be a verbatim part of it. An empty list means the review may be
 * published. Pure.
 */
export function checkOnboarding(catalogue: Catalogue, review: OnboardingReview, planText: string): Issue[] {
  const issues: Issue[] = [];
  const { plan } = review;
  const existing = catalogue.parks.find((p) => p.code === plan.park);
  if (plan.mode === 'new') {
    if (!codeSchema.safeParse(plan.park).success) issues.push(makeIssue('onboarding_park_code_invalid', 'error', 'plan.park', { park: plan.park }));
    const sameName = catalogue.parks.find((p) => p.name.zh === plan.name.zh.trim());
    if (existing ?? sameName) issues.push(makeIssue('onboarding_duplicate_park', 'error', 'plan.park', { park: (existing ?? sameName)!.name.zh }));
    if (!plan.name.zh.trim() || !plan.name.en.trim()) issues.push(makeIssue('onboarding_park_name_missing', 'error', 'plan.name', {}));
  } else if (!existing) {
    issues.push(makeIssue('onboarding_unknown_park', 'error', 'plan.park', { park: plan.park }));
  }
  if (!plan.planTitle.trim()) issues.push(makeIssue('onboarding_title_missing', 'error', 'plan.planTitle', {}));
  const { startYear: start, endYear: end } = plan;
  const period = start !== null && end !== null && start <= end ? { start, end } : null;
  if (start === null || end === null) issues.push(makeIssue('onboarding_period_missing', 'error', 'plan.startYear', {}));
  else if (start > end) issues.push(makeIssue('onboarding_plan_period_invalid', 'error', 'plan.startYear', { start, end }));
  if (plan.mode === 'replace' && period && (plan.fromYear === null || plan.fromYear < period.start || plan.fromYear > period.end)) {
    issues.push(makeIssue('onboarding_from_year_invalid', 'error', 'plan.fromYear', { year: plan.fromYear ?? '', start: period.start, end: period.end }));
  }

  const known = new Map<string, Indicator | NewIndicator>(catalogue.indicators.map((i) => [i.code, i]));
  review.newIndicators.forEach((ind, i) => {
    if (!newIndicatorIsValid(ind, catalogue, review))
      issues.push(makeIssue('onboarding_indicator_invalid', 'error', `newIndicators.${i}`, { indicator: ind.code || ind.name.zh }));
    if (!catalogue.indicators.some((c) => c.code === ind.code)) known.set(ind.code, ind);
  });

  const accepted = review.items.map((item, i) => ({ item, i })).filter(({ item }) => item.decision === 'accepted');
  if (accepted.length === 0) issues.push(makeIssue('onboarding_no_targets', 'error', 'items', {}));
  const seen = new Map<string, number>();
  for (const { item, i } of accepted) {
    const at = (field: string) => `items.${i}.${field}`;
    const n = i + 1;
    if (item.value === null) issues.push(makeIssue('onboarding_value_missing', 'error', at('value'), { item: n }));
    if (!item.quote.trim() || !planText.includes(item.quote)) issues.push(makeIssue('onboarding_quote_not_in_plan', 'error', at('quote'), { item: n }));
    const unit = item.unitCode === null ? undefined : findUnit(item.unitCode);
    if (!unit) issues.push(makeIssue('onboarding_unknown_unit', 'error', at('unitCode'), { item: n, unit: item.unitCode ?? item.unit }));
    if (period && (item.year === null || item.year < period.start || item.year > period.end)) {
      issues.push(makeIssue('onboarding_year_outside_plan', 'error', at('year'), { item: n, year: item.year ?? '', start: period.start, end: period.end }));
    }
    if (item.comparison === 'lte' || item.comparison === 'lt')
      issues.push(makeIssue('onboarding_comparison_unsupported', 'error', at('comparison'), { item: n }));
    if (item.indicator === null) {
      issues.push(makeIssue('onboarding_indicator_unmapped', 'error', at('indicator'), { item: n }));
      continue;
    }
    const indicator = known.get(item.indicator);
    if (!indicator) {
      issues.push(makeIssue('onboarding_indicator_unknown', 'error', at('indicator'), { item: n, indicator: item.indicator }));
      continue;
    }
    const indicatorUnit = findUnit(indicator.unit);
    if (unit && indicatorUnit && unit.dimension !== indicatorUnit.dimension) {
      issues.push(
        makeIssue('onboarding_unit_mismatch', 'error', at('unitCode'), {
          item: n,
          unit: unit.code,
          indicator: indicator.name.zh,
          indicatorUnit: indicator.unit,
        }),
      );
    }
    const apart = 'valueType' in indicator ? indicator.distinctFrom : [];
    if (apart.length > 0 && !item.confirmedApart) {
      const other = catalogue.indicators.find((c) => c.code === apart[0]!.indicator);
      issues.push(
        makeIssue('onboarding_definition_unconfirmed', 'error', at('confirmedApart'), {
          item: n,
          indicator: indicator.name.zh,
          other: other?.name.zh ?? apart[0]!.indicator,
        }),
      );
    }
    const key = `${item.indicator}|${item.year}`;
    const before = seen.get(key);
    if (before !== undefined) issues.push(makeIssue('onboarding_duplicate_target', 'error', at('indicator'), { item: n, other: before + 1 }));
    else seen.set(key, i);
  }
  return issues;
}

function newIndicatorIsValid(ind: NewIndicator, catalogue: Catalogue, review: OnboardingReview): boolean {
  const unit = findUnit(ind.unit);
  if (!codeSchema.safeParse(ind.code).success || catalogue.indicators.some((c) => c.code === ind.code)) return false;
  if (review.newIndicators.filter((o) => o.code === ind.code).length > 1) return false;
  if (!ind.name.zh.trim() || !ind.name.en.trim() || !unit || unit.factor !== 1) return false;
  if (catalogue.indicators.some((c) => c.name.zh === ind.name.zh.trim())) return false;
  if (ind.measure === 'ratio' || ind.measure === 'rate') {
    if (!ind.components) return false;
    const codes = new Set([...catalogue.indicators.map((c) => c.code), ...review.newIndicators.map((o) => o.code)]);
    if (!codes.has(ind.components.numerator)) return false;
    if (ind.components.denominator !== PERIOD_DAYS && !codes.has(ind.components.denominator)) return false;
  }
  if (ind.consolidation === 'ratio' && !ind.components) return false;
  return true;
}
