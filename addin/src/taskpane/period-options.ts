import { hasPeriodBegun, periodOf, type Quarter } from '@zj/shared';
import { translator, type Translate } from '../i18n/translate.js';

/**
 * Periods to pick from: annual returns (年报) and quarters (季报) from 2024 (the plans' first
 * baseline year) to this year, newest first, each once it has begun (the API takes no return
 * for a period not begun).
 */
export function periodOptions(now: Date, t: Translate): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  const begun = (year: number, quarter: Quarter | null) => hasPeriodBegun(periodOf(year, quarter), now);
  for (let year = Math.max(now.getFullYear(), 2025); year >= 2024; year--) {
    if (begun(year, null)) out.push({ value: String(year), label: t('period_annual', { year }) });
    for (const quarter of [4, 3, 2, 1] as const)
      if (begun(year, quarter)) out.push({ value: `${year}Q${quarter}`, label: t('period_quarter', { year, quarter }) });
  }
  return out;
}

/** The annual return due next: last year's until the end of March, then this year's. */
export function defaultPeriod(now: Date): string {
  return String(now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear());
}

/** "2024年 年报" / "2024 annual", "2025年 第3季度" / "2025 Q3": how a period code reads in both languages. */
export function periodLabel(code: string): { zh: string; en: string } {
  const quarter = /^(\d{4})Q([1-4])$/.exec(code);
  const label = (t: Translate) =>
    quarter ? t('period_quarter', { year: quarter[1]!, quarter: quarter[2]! }) : /^\d{4}$/.test(code) ? t('period_annual', { year: code }) : code;
  return { zh: label(translator('zh')), en: label(translator('en')) };
}
