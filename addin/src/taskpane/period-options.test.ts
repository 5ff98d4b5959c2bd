import { describe, expect, it } from 'vitest';
import { periodOptions } from './period-options.js';

const t = ((key: string, params: Record<string, unknown>) => `${key}:${JSON.stringify(params)}`) as never;

describe('periodOptions', () => {
  it('offers the periods that have begun, China Standard Time, newest first', () => {
    // 1 April 2026, 00:30 in Shanghai: 2026Q2 has just begun, 2026Q3 has not.
    const values = periodOptions(new Date('2026-03-31T16:30:00Z'), t).map((o) => o.value);
    expect(values.slice(0, 4)).toEqual(['2026', '2026Q2', '2026Q1', '2025']);
    expect(values).not.toContain('2026Q3');
    expect(values.at(-1)).toBe('2024Q1');
  });
});
