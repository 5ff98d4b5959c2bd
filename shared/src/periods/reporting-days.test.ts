import { describe, expect, it } from 'vitest';
import { periodOf } from './period.js';
import { reportingDays } from './reporting-days.js';

describe('reportingDays: flows are reported year-to-date (本年累计)', () => {
  it.each([
    [2025, null, 365],
    [2024, null, 366],
    [2025, 1, 90],
    [2024, 1, 91],
    [2025, 2, 181],
    [2025, 3, 273],
    [2025, 4, 365],
    [2024, 4, 366],
  ] as const)('%i Q%s covers %i days', (year, quarter, days) => {
    expect(reportingDays(periodOf(year, quarter))).toBe(days);
  });
});
