/**
 * Relative tolerance when an actual meets a target or an expected value. A ratio computed from
 * its components carries binary rounding noise (68 / 1000 × 100 = 6.800000000000001), and 6.8%
 * reported against a 6.8% target must count as reached; a real shortfall is many orders larger.
 */
export const COMPARISON_TOLERANCE = 1e-9;

const slack = (a: number, b: number): number => COMPARISON_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/** a ≥ b, up to rounding noise. */
export function isAtLeast(a: number, b: number): boolean {
  return a >= b - slack(a, b);
}

/** a > b by more than rounding noise (超过: exactly the target is not more). */
export function isMoreThan(a: number, b: number): boolean {
  return a > b + slack(a, b);
}
