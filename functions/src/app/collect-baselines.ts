import type { Park } from '@zj/shared';
import type { AcceptedReturn } from './accepted-return.js';

/**
 * The baselines (基期值) known for a park from its accepted returns (in period order), by indicator
 * code: every baseline reported with a return, the later report winning, and over those the
 * figures of the park's annual return FOR the baseline year (the year before its plan starts),
 * which are the baseline itself. A version a reviewer returned (退回) gives none.
 */
export function collectBaselines(park: Park, returns: readonly AcceptedReturn[]): Record<string, number | null> {
  const known: Record<string, number | null> = {};
  for (const { accepted } of returns) {
    for (const [key, value] of Object.entries(accepted?.baselines ?? {})) if (value !== null) known[key] = value;
  }
  const baseYear = returns.find((r) => r.period === String(park.plan.startYear - 1))?.accepted;
  for (const [key, value] of Object.entries(baseYear?.values ?? {})) if (value !== null) known[key] = value;
  return known;
}
