/**
 * Years a sentence speaks of, read by their wording:
 * - target: 到2026年 / 至2026年 / 力争到2026年底 / 2026年前 — the year a figure is aimed at;
 * - baseline: 截至2023年底 / 2023年以来 — a past figure, reported, not aimed at;
 * - reference: 比2020年 / 较2023年 / 2023年基础上 — a base a growth is measured against, which
 *   scopes nothing;
 * - bare: 2023年，园区实现... — decided later against the plan's start (past → baseline).
 * Periods (2025-2026年) and dates are not mentions: they name documents, not targets. The end of a
 * five-year plan period is a year too: 到“十四五”末 is 2025 (十一五 ended in 2010, each period is five years).
 */
export type YearKind = 'target' | 'baseline' | 'reference' | 'bare';

export interface YearMention {
  year: number;
  kind: YearKind;
  start: number;
  end: number;
}

/** 2026年, and a year of the Republic calendar Taiwan writes (民国115年 = 2026, 民國 folded to 民国). */
const YEAR = /(?:民国(\d{2,3})|(\d{4}))年(底前|末前|年底|底|末|以前|之前|前|以来|内)?/g;
const ROC_OFFSET = 1911;
const TARGET_BEFORE = /(?:到|至|力争到|争取到|力争在|争取在|确保到|计划到|预计到|力争|争取|确保)$/;
const BASELINE_BEFORE = /(?:截至|截止到?|截止至)$/;
const REFERENCE_BEFORE = /(?:比|较|相比|相较于?|对比)$/;
const REFERENCE_AFTER = /^(?:相比|比较|相较|的?基础上|为基期|为基数|为基准|水平|同期)/;
const PERIOD_END = /[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?(?:期末|末)(?:前)?/g;
const PERIOD_ORDINAL: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function findYearMentions(text: string, from = 0, to = text.length): YearMention[] {
  const out: YearMention[] = [];
  const span = text.slice(from, to);
  for (const m of span.matchAll(YEAR)) {
    const local = m.index ?? 0;
    const year = m[1] === undefined ? Number(m[2]) : Number(m[1]) + ROC_OFFSET;
    if (year < 1949 || year > 2100) continue;
    const before = span.slice(Math.max(0, local - 6), local);
    if (/\d/.test(span[local - 1] ?? '') || /\d[-~—–至到]$/.test(before)) continue; // 2025-2026年: a period
    const suffix = m[3] ?? '';
    const after = span.slice(local + m[0].length);
    let kind: YearKind = 'bare';
    if (REFERENCE_BEFORE.test(before) || REFERENCE_AFTER.test(after)) kind = 'reference';
    else if (BASELINE_BEFORE.test(before) || suffix === '以来') kind = 'baseline';
    else if (TARGET_BEFORE.test(before) || /前$/.test(suffix) || suffix === '内') kind = 'target';
    else if (/^\d{1,2}月(?:\d{1,2}日)?(?:底前|前|以前|之前|止)/.test(after)) kind = 'target';
    out.push({ year, kind, start: from + local, end: from + local + m[0].length });
  }
  for (const m of span.matchAll(PERIOD_END)) {
    const local = m.index ?? 0;
    const year = 2005 + 5 * (PERIOD_ORDINAL[m[1] ?? ''] ?? 0);
    const before = span.slice(Math.max(0, local - 6), local);
    const kind: YearKind =
      REFERENCE_AFTER.test(span.slice(local + m[0].length)) || REFERENCE_BEFORE.test(before)
        ? 'reference'
        : TARGET_BEFORE.test(before) || m[0].endsWith('前')
          ? 'target'
          : 'bare';
    out.push({ year, kind, start: from + local, end: from + local + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Years a sentence names relative to the year the text was written (`now`): 今年, 本年, 本年度 are
 * that year, 明年 the next, 去年 and 上年 the one before (a baseline; 较上年 is a reference and left
 * out). 全年 names no year: it speaks of the year in scope.
 */
const RELATIVE = /今年|本年度?|明年|(?<![较比同与])(?:去年|上年)(?!同期)/g;

export function findRelativeYears(text: string, now: number | null, from = 0, to = text.length): YearMention[] {
  if (now === null) return [];
  const out: YearMention[] = [];
  for (const m of text.slice(from, to).matchAll(RELATIVE)) {
    const start = from + (m.index ?? 0);
    const past = m[0] === '去年' || m[0] === '上年';
    out.push({ year: m[0] === '明年' ? now + 1 : past ? now - 1 : now, kind: past ? 'baseline' : 'bare', start, end: start + m[0].length });
  }
  return out;
}
