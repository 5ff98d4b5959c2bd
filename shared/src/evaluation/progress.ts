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
  /** The share of the path elapsed by `year`, 0..1: (year − baselineYear) / (targetYear − baselineYear). */
  elapsed: number;
  reason?: 'no_baseline' | 'out_of_range';
}

/**
 * 序时进度: the straight path from the baseline to the target. With baseline 400 in 2024 and target
 * 500 in 2026, 2025 expects 400 + (500 − 400) × 1/2 = 450. Years before the path hold the baseline,
 * years from the target year on hold the target.
 */
export function computeExpected({ baseline, baselineYear, target, targetYear, year }: ExpectedInput): Expected {
  const span = targetYear - baselineYear;
  const elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (year - baselineYear) / span));
  if (baseline === null) return { value: null, elapsed, reason: 'no_baseline' };
  const value = elapsed === 1 ? target : baseline + (target - baseline) * elapsed;
  return Number.isFinite(value) ? { value, elapsed } : { value: null, elapsed, reason: 'out_of_range' };
}
