/** Days in a calendar year (Gregorian): the denominator of a 日均 rate over that year. */
export function computeDaysInYear(year: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 366 : 365;
}
