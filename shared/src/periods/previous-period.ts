import { periodOf, type Period } from './period.js';

/** The period a change is measured against: 2025 → 2024, 2025Q3 → 2025Q2, 2025Q1 → 2024Q4. */
export function previousPeriod(period: Period): Period {
  if (period.quarter === null) return periodOf(period.year - 1, null);
  if (period.quarter === 1) return periodOf(period.year - 1, 4);
  return periodOf(period.year, period.quarter === 4 ? 3 : period.quarter === 3 ? 2 : 1);
}
