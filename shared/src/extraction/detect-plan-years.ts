import type { YearMention } from './find-year-mentions.js';
import { readDocumentFrame, type DocumentFrame } from './read-document-frame.js';

/**
 * The years that frame a plan:
 * - targetYear: the year its targets aim at, the most frequent 到XXXX年 (ties: the later); else
 *   the end of its latest plan period (2025—2027年); else the year its title plans (2025年工作要点);
 *   figures in sentences without a year default to it;
 * - startYear: first year of the plan's own period "(2025-2026年)", the period that ends in the
 *   target year (the municipal plan "(2023-2025年)" every park plan cites does not);
 * - issueYear: the year the text was written (DocumentFrame.now: its latest date, deadlines left out);
 * - firstFutureYear: a bare year before it (2023年，园区实现...) is a baseline. It is the plan's
 *   start; else the year after the one its title reviews, or the issue year, whichever is later;
 *   else the year its title plans; else the year before the target year (plans run two or three years).
 * - frame: the text's dates and title years (read-document-frame.ts).
 */
export interface PlanYears {
  targetYear: number | null;
  startYear: number | null;
  issueYear: number | null;
  firstFutureYear: number | null;
  frame?: DocumentFrame;
}

const PERIOD = /(\d{4})[-~—–至到](\d{4})年/g;

export function detectPlanYears(text: string, mentions: readonly YearMention[], frame: DocumentFrame = readDocumentFrame(text)): PlanYears {
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
  if (targetYear === null) targetYear = frame.planYear;
  const own = valid.find((p) => p.to === targetYear);
  const startYear = own ? own.from : null;

  const issueYear = frame.now;
  const afterReview = frame.reviewYear === null ? null : frame.reviewYear + 1;
  const written = afterReview === null ? issueYear : issueYear === null ? afterReview : Math.max(afterReview, issueYear);
  const firstFutureYear = startYear ?? written ?? frame.planYear ?? (targetYear === null ? null : targetYear - 1);
  return { targetYear, startYear, issueYear, firstFutureYear, frame };
}
