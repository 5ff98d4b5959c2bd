/**
 * When a text speaks, and of which years, read from its dates and its title:
 * - `now`: the year it was written, from its latest date that is a publication, signing or page
 *   date (发布时间：2025-01-18, 2025年2月26日 under the signature, （2024年12月） under the title).
 *   A deadline (2025年3月31日前) is not a date of the text; and the date is never a target year.
 * - `planYear`: a year its title plans (2025年科技创新工作要点, （2025年版）, 2025年度主要指标):
 *   figures the text gives without a year of their own aim at it.
 * - `reviewYear`: a year its title reviews (2024年工作总结, 2024年度创新发展情况通报,
 *   2024年计划执行情况): figures it gives without a year are that year's results.
 * - `periodEnds`: the plan periods its title lines give ((2025—2027年)).
 * A title is a short line without sentence punctuation that names a kind of document.
 */
export interface DocumentFrame {
  now: number | null;
  planYear: number | null;
  reviewYear: number | null;
  /** Where the planned or reviewed year is written in the title (normalized text), for the proposal's year source. */
  planYearAt: { start: number; end: number } | null;
  reviewYearAt: { start: number; end: number } | null;
  /** The ends of the plan periods its title lines give ((2025—2027年) → 2027) and where each end year is written. */
  periodEnds: { year: number; start: number; end: number }[];
}

/** 2025年1月18日, 2025-01-18, 2025/1/18, and a time after it once spaces are dropped (2025-01-1809:30). */
const FULL_DATE = /(?<!\d)(\d{4})(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2}(?:(?!\d)|(?=\d{1,2}:\d{2})))(?!前|以前|之前|止|起|底)/g;
const YEAR_MONTH_LINE = /^[(（]?(\d{4})年\d{1,2}月[)）]?$/;
const TITLE_MAX = 70;
const PERIOD = /(?<!\d)\d{4}\s*[-~—–至到]\s*(\d{4})年(?![\d月])/;
const PERIOD_LINE = /^[(（]\d{4}\s*[-~—–至到]\s*\d{4}年[)）]$/;
const DOCUMENT_KIND = /方案|计划|要点|规划|纲要|意见|措施|通知|通报|公报|报告|总结|思路|情况|目标|指标|细则|办法|行动|安排|任务|版/;
const YEAR_IN_TITLE = /(?<![\d\-—–~至到])(\d{4})年(?:度)?(?![\d\-—–~至到])/g;
const REVIEWS = /^[^\d]{0,16}?(?:总结|执行情况|完成情况|运行情况|发展情况|情况通报|通报|回顾|公报|年报)/;
const PLANS = /^[^\d]{0,16}?(?:要点|计划|思路|目标|指标|任务|安排|版|方案|预算)/;

/**
 * `tableLine` says whether the line [start, end) of `text` is a row of a table (its original has
 * "|", tabs or wide gaps between cells): a header row such as "指标名称 2024年基数 2026年目标" is no title.
 */
export function readDocumentFrame(text: string, tableLine: (start: number, end: number) => boolean = (s, e) => text.slice(s, e).includes('|')): DocumentFrame {
  const frame: DocumentFrame = { now: null, planYear: null, reviewYear: null, planYearAt: null, reviewYearAt: null, periodEnds: [] };
  const dates = [...text.matchAll(FULL_DATE)].map((m) => Number(m[1])).filter((y) => y >= 1949 && y <= 2100);
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const month = YEAR_MONTH_LINE.exec(trimmed);
    if (month) dates.push(Number(month[1]));
    const titleLike = trimmed.length <= TITLE_MAX && !/[，。；;]|,(?!\d)/.test(trimmed) && !tableLine(lineStart, lineStart + line.length);
    if (titleLike && DOCUMENT_KIND.test(trimmed)) readTitle(line, lineStart, frame);
    // 行动方案（2025—2027年）, or the period on a line of its own under the title.
    const period = titleLike && (DOCUMENT_KIND.test(trimmed) || PERIOD_LINE.test(trimmed)) ? PERIOD.exec(line) : null;
    if (period) {
      const written = `${period[1]}年`;
      const start = lineStart + period.index + period[0].length - written.length;
      frame.periodEnds.push({ year: Number(period[1]), start, end: start + written.length });
    }
    lineStart += line.length + 1;
  }
  frame.now = dates.length > 0 ? Math.max(...dates) : null;
  return frame;
}

function readTitle(line: string, lineStart: number, frame: DocumentFrame): void {
  for (const m of line.matchAll(YEAR_IN_TITLE)) {
    const year = Number(m[1]);
    if (year < 1949 || year > 2100) continue;
    const after = line.slice((m.index ?? 0) + m[0].length);
    const at = { start: lineStart + (m.index ?? 0), end: lineStart + (m.index ?? 0) + m[0].length };
    if (REVIEWS.test(after)) {
      if (frame.reviewYear === null || year > frame.reviewYear) {
        frame.reviewYear = year;
        frame.reviewYearAt = at;
      }
    } else if (PLANS.test(after) || /^[)）]/.test(after)) {
      if (frame.planYear === null || year > frame.planYear) {
        frame.planYear = year;
        frame.planYearAt = at;
      }
    }
  }
}
