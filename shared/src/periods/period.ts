/**
 * A reporting period (报告期): a year (年报) or a quarter of it (季报). `code` is the stable text
 * form used in storage and templates: "2025" or "2025Q3".
 */
export type Quarter = 1 | 2 | 3 | 4;

export interface Period {
  code: string;
  year: number;
  quarter: Quarter | null;
  kind: 'annual' | 'quarterly';
}

/** Builds a period from its parts; callers pass a valid year and quarter. */
export function periodOf(year: number, quarter: Quarter | null): Period {
  return quarter === null
    ? { code: String(year), year, quarter: null, kind: 'annual' }
    : { code: `${year}Q${quarter}`, year, quarter, kind: 'quarterly' };
}

/** Gregorian leap year: 2024 and 2000 are, 2100 is not. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
