/**
 * Time progress and the straight path of a target (docs/domain.md, "Evaluation"):
 * - 时间进度 (`elapsed`) = (year − baseline year) ÷ (target year − baseline year), the share of
 *   the plan period elapsed, which readers compare with 完成率;
 * - 序时进度预期值 (`expected`) = baseline + (target − baseline) × 时间进度, the value on the
 *   straight path from the baseline to the target;
 * - 目标增量完成进度 (`increment`) = (actual − baseline) ÷ (target − baseline), how much of the
 *   increase the plan asks for has happened. A target is on track when 目标增量完成进度 ≥ 时间进度,
 *   which is actual ≥ expected.
 */
export interface ExpectedInput {
  /** The value the path starts from (基期值), in the year before the plan starts; null when unknown. */
  baseline: number | null;
  baselineYear: number;
  target: number;
  targetYear: number;
  year: number;
}

export interface Expected {
  /** The value expected by `year` on the straight path (序时进度); the target itself from the target year on. */
  value: number | null;
  /** 时间进度, 0..1: (year − baselineYear) / (targetYear − baselineYear). */
  elapsed: number;
  reason?: 'no_baseline' | 'out_of_range';
}

/**
 * 序时进度: the straight path from the baseline to the target. With baseline 400 in 2024 and target
 * 500 in 2026, 2025 expects 400 + (500 − 400) × 1/2 = 450. Years before the path hold the baseline,
 * years from the target year on hold the target (with or without a baseline).
 */
export function computeExpected({ baseline, baselineYear, target, targetYear, year }: ExpectedInput): Expected {
  const span = targetYear - baselineYear;
  const elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (year - baselineYear) / span));
  if (elapsed === 1) return { value: target, elapsed };
  if (baseline === null) return { value: null, elapsed, reason: 'no_baseline' };
  const value = baseline + (target - baseline) * elapsed;
  return Number.isFinite(value) ? { value, elapsed } : { value: null, elapsed, reason: 'out_of_range' };
}

export interface Increment {
  /** 目标增量完成进度 as a fraction: 0.6 is 60% of the increase asked for. */
  value: number | null;
  /** no_increment: the target is the baseline, so there is no increase to measure. */
  reason?: 'no_baseline' | 'not_reported' | 'no_increment' | 'out_of_range';
}

/** (actual − baseline) ÷ (target − baseline): (460 − 400) ÷ (500 − 400) = 60%. */
export function computeIncrement(actual: number | null, baseline: number | null, target: number): Increment {
  if (baseline === null) return { value: null, reason: 'no_baseline' };
  if (actual === null) return { value: null, reason: 'not_reported' };
  if (target === baseline) return { value: null, reason: 'no_increment' };
  const value = (actual - baseline) / (target - baseline);
  return Number.isFinite(value) ? { value } : { value: null, reason: 'out_of_range' };
}
