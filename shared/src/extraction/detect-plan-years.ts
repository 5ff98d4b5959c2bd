import type { YearMention } from './find-year-mentions.js';

/**
 * The years that frame a plan:
 * - targetYear: the year its targets aim at, the most frequent 到XXXX年 (ties: the later);
 *   figures in sentences without a year default to it;
 * - startYear: first year of the plan's own period "(2025-2026年)", the period that ends in the
 *   target year (the municipal plan "(2023-2025年)" every park plan cites does not);
 * - issueYear: the latest full date in the text (issued or printed on);
 * - firstFutureYear: a bare year before it (2023年，园区实现...) is a baseline. It is the plan's
 *   start, else the issue year, else the year before the target year (plans run two or three years).
 */
export interface PlanYears {
  targetYear: number | null;
  startYear: number | null;
  issueYear: number | null;
  firstFutureYear: number | null;
}

const PERIOD = /(\d{4})[-~—–至到](\d{4})年/g;
const FULL_DATE = /(\d{4})(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))/g;

export function detectPlanYears(text: string, mentions: readonly YearMention[]): PlanYears {
  const counts = new Map<number, number>();
  for (const m of mentions) if (m.kind === 'target') counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  let targetYear: number | null = null;
  for (const [year, n] of counts) {
    const best = targetYear === null ? 0 : (counts.get(targetYear) ?? 0);
    if (n > best || (n === best && targetYear !== null && year > targetYear)) targetYear = year;
  }

  const periods = [...text.matchAll(PERIOD)].map((m) => ({ from: Number(m[1]), to: Number(m[2]) }));
  const valid = periods.filter((p) => p.from <= p.to && p.to - p.from <= 15);
  // Without a 到XXXX年 anywhere, the latest plan period names the target year.
  if (targetYear === null && valid.length > 0) targetYear = Math.max(...valid.map((p) => p.to));
  const own = valid.find((p) => p.to === targetYear);
  const startYear = own ? own.from : null;

  const dates = [...text.matchAll(FULL_DATE)].map((m) => Number(m[1])).filter((y) => y >= 1949 && y <= 2100);
  const issueYear = dates.length > 0 ? Math.max(...dates) : null;

  const firstFutureYear = startYear ?? issueYear ?? (targetYear === null ? null : targetYear - 1);
  return { targetYear, startYear, issueYear, firstFutureYear };
}
