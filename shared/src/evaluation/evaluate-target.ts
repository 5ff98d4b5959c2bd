import type { Indicator, Park, Target } from '../catalogue/catalogue-schema.js';
import { readAnswers, type ParkReturnValues } from '../consolidation/park-returns.js';
import { convertValue } from '../figures/convert-value.js';
import { findUnit } from '../figures/units.js';
import { computeCompletion } from './comparisons.js';
import type { CanonicalTarget, EvaluationNote, EvaluationPart, TargetEvaluation } from './evaluation-result.js';
import { computeGrowthNeeded, growthKindOf } from './growth-needed.js';
import { computeDaysInYear, MEASURE_KINDS } from './measures.js';
import { computeExpected, computeIncrement } from './progress.js';
import { computeStatus } from './status.js';

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

export interface EvaluateTargetInput {
  target: Target;
  indicator: Indicator;
  park: Park;
  year: number;
  /** The park's return for `year` (latest accepted version), or null when it has none. */
  yearReturn: ParkReturnValues | null;
  /** The park's baselines (基期值) by indicator code: values of the year before the plan starts. */
  baselines: Readonly<Record<string, number | null>> | null;
}

/**
 * The annual evaluation of one target (年度评估, docs/domain.md, "Evaluation"): actual, target in
 * canonical units, 完成率, 时间进度, 序时进度预期值, 目标增量完成进度, status and what is still
 * needed, every part returned. Handing it a target of another park or indicator is misuse: it throws.
 */
export function evaluateTarget({ target, indicator, park, year, yearReturn, baselines }: EvaluateTargetInput): TargetEvaluation {
  if (target.indicator !== indicator.code || target.park !== park.code) {
    throw new Error(`target ${target.id} is not of ${park.code}/${indicator.code}`);
  }
  if (yearReturn && (yearReturn.park !== park.code || yearReturn.period !== String(year))) {
    throw new Error(`return ${yearReturn.park}/${yearReturn.period} is not ${park.code}'s return for ${year}`);
  }
  const measure = MEASURE_KINDS[indicator.measure];
  const canonical = computeCanonicalTarget(target, indicator);
  const baselineYear = park.plan.startYear - 1;
  const baseline = measure.readBaseline(indicator, baselines, computeDaysInYear(baselineYear));
  const answers = yearReturn ? readAnswers(yearReturn) : null;
  const actual = measure.readActual(indicator, answers?.values ?? null, computeDaysInYear(year));
  if (answers?.none.has(indicator.code)) actual.declaredNone = true;
  const componentCodes = indicator.components
    ? [indicator.components.numerator, indicator.components.denominator].flatMap((c) => ('indicator' in c ? [c.indicator] : []))
    : [];
  const expected = computeExpected({ baseline: baseline.value, baselineYear, target: canonical.value, targetYear: target.year, year });
  const increment = computeIncrement(actual.value, baseline.value, canonical.value);
  const completion = computeCompletion(actual.value, canonical, target.comparison);
  const status = computeStatus({
    // A ratio whose denominator is 0 was reported; it just cannot be computed.
    reported: actual.value !== null || actual.reason === 'division_by_zero' || actual.reason === 'out_of_range',
    actual: actual.value,
    completed: completion.completed,
    canFall: measure.canFall(indicator),
    expected: expected.value,
    beforeTargetYear: year < target.year,
  });
  const growthNeeded = computeGrowthNeeded({
    kind: growthKindOf(indicator),
    actual: actual.value,
    target: canonical.value,
    strictlyMore: target.comparison === 'gt',
    completed: completion.completed,
    year,
    targetYear: target.year,
  });
  const noted: Record<EvaluationNote, boolean> = {
    stretch_goal: target.stretch,
    draft_plan: park.draft,
    below_range_high: completion.belowHigh,
    typed_ratio: actual.source === 'reported' && indicator.components !== undefined,
    // Only beside an actual: with nothing reported there is no completion to speak of.
    no_baseline: baseline.value === null && actual.value !== null,
    declared_none: answers !== null && [indicator.code, ...componentCodes].some((code) => answers.none.has(code)),
  };
  const parts = { baseline, actual, expected, increment, completion, growthNeeded };
  const reasons = (Object.keys(parts) as EvaluationPart[]).flatMap((part) => {
    const code = parts[part].reason;
    return code === undefined ? [] : [{ part, code }];
  });
  const result: TargetEvaluation = {
    targetId: target.id,
    park: park.code,
    indicator: indicator.code,
    year,
    measure: indicator.measure,
    comparison: target.comparison,
    stretch: target.stretch,
    draftPlan: park.draft,
    quote: target.quote,
    restatements: target.restatements,
    unit: indicator.unit,
    target: {
      ...canonical,
      year: target.year,
      asWritten: { value: target.value, valueHigh: target.valueHigh ?? null, unit: target.unit },
    },
    baseline: { ...baseline, year: baselineYear },
    actual,
    expected,
    increment,
    completion,
    status,
    growthNeeded,
    notes: (Object.keys(noted) as EvaluationNote[]).filter((n) => noted[n]),
    reasons,
    source: yearReturn ? { park: yearReturn.park, version: yearReturn.version } : null,
  };
  if (target.note !== undefined) result.targetNote = target.note;
  return result;
}
