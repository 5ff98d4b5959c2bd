export type QuotientReason = 'division_by_zero' | 'out_of_range';

export interface Quotient {
  value: number | null;
  reason?: QuotientReason;
}

/**
 * numerator / denominator × scale, where a zero denominator or an overflow is a coded result:
 * NaN and Infinity never leave this function.
 */
export function computeQuotient(numerator: number, denominator: number, scale = 1): Quotient {
  if (denominator === 0) return { value: null, reason: 'division_by_zero' };
  const value = (numerator / denominator) * scale;
  return Number.isFinite(value) ? { value } : { value: null, reason: 'out_of_range' };
}
