/**
 * The sections a sentence lies in, read from the headings before it:
 * - a goal section (主要目标, 发展目标, 预期目标, 工作思路, 下一步工作, （一）2025年目标 ...): a figure
 *   there needs no target word of its own ("高新技术企业数量：1500家"), the section says it is a target;
 * - a review section (发展基础, 发展现状, 现有基础, 基本情况, 2024年计划执行情况, 总体情况 ...): its figures
 *   are results, baselines of the targets, unless their own sentence names a year to come;
 * - the heading that names a year (（一）2025年目标, 二、2025年主要预期目标, 一、2024年计划执行情况):
 *   figures below it without a year of their own take it.
 * - a list of targets a prose sentence announces ("现将2025年度主要经济指标下达如下：一、…；二、…"), item by item.
 * A section runs from its heading to the next heading of the same or a higher level (二、重点任务 ends
 * 一、主要目标; the goals' own items "1、产业能级显著增强" do not), or, for an unnumbered heading
 * ("具体目标如下：", a title), to the next numbered heading of the first two levels.
 */
export interface SectionInfo {
  goal: boolean;
  review: boolean;
  /** The sentence is a goal or review heading. */
  heading: boolean;
  /** The sentence is a goal heading (二、主要目标, （一）2025年目标). */
  goalHeading: boolean;
  /** Index of the heading sentence that names the year of this part of the text, or null. */
  datedBy: number | null;
}

const GOAL_HEADING =
  /(?:主要|发展|总体|行动|工作|具体|预期|阶段性?|推动|年度?)目标|目标任务|主要指标|指标体系|发展指标|工作思路|工作安排|下一步工作|下一步打算/;
const REVIEW_HEADING =
  /发展基础|发展现状|现有基础|基本情况|工作基础|产业基础|现状分析|现况|完成情况|执行情况|总体情况|运行情况|进展情况|发展概况|发展回顾|工作回顾|主要成效|取得成效|工作成效|主要成绩|情况通报/;
const HEADING_MAX = 30;
/** "现将2025年度主要经济指标下达如下：": the numbered items that follow are a list of targets. */
const LIST_OPENER = /(?:目标|指标|任务)[^。;；]{0,12}(?:如下|分解如下|下达如下)/;
const LEVELS: readonly RegExp[] = [
  /^[-—•·]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章部分篇]|[壹贰叁肆伍陆柒捌玖拾]+、)/,
  /^[-—•·]*[(（][一二三四五六七八九十]+[)）]/,
  /^[-—•·]*\d+[.、]/,
];
const YEAR = /(?<![\d\-—–~至到])\d{4}年/;

export function readSections(sentences: readonly string[], paragraphs: readonly number[] = sentences.map((_, i) => i)): SectionInfo[] {
  let goal: number | null = null; // level of the open goal section; 1 for an unnumbered heading
  let review: number | null = null;
  let dated: { level: number; index: number } | null = null;
  // A list of targets announced in prose: its items, numbered at one level, and their continuations.
  let list: { level: number | null; paragraph: number } | null = null;
  return sentences.map((s, index) => {
    const own = levelOf(s);
    const paragraph = paragraphs[index] ?? index;
    if (list !== null) {
      const item = own !== null && headingBody(s) === null && (list.level === null || own === list.level);
      if (item) list = { level: own, paragraph };
      else if (own !== null || paragraph !== list.paragraph) list = null;
    }
    const inList = list !== null;
    if (!inList && LIST_OPENER.test(s) && headingBody(s) === null) list = { level: null, paragraph };
    if (own !== null) {
      if (goal !== null && own <= goal) goal = null;
      if (review !== null && own <= review) review = null;
      if (dated !== null && own <= dated.level) dated = null;
    }
    const body = headingBody(s);
    if (body !== null && YEAR.test(body) && (own !== null || GOAL_HEADING.test(body) || REVIEW_HEADING.test(body))) {
      dated = { level: own ?? 1, index };
    }
    if (body !== null && GOAL_HEADING.test(body)) {
      // A goal heading inside a goal section ("一、总体目标" … "具体目标如下：") keeps the outer extent.
      goal = goal === null ? (own ?? 1) : Math.min(goal, own ?? 1);
      review = null;
      return { goal: false, review: false, heading: true, goalHeading: true, datedBy: dated?.index ?? null };
    }
    if (body !== null && REVIEW_HEADING.test(body)) {
      review = review === null ? (own ?? 1) : Math.min(review, own ?? 1);
      goal = null;
      return { goal: false, review: false, heading: true, goalHeading: false, datedBy: dated?.index ?? null };
    }
    return { goal: goal !== null || inList, review: review !== null && !inList, heading: false, goalHeading: false, datedBy: dated?.index ?? null };
  });
}

/** Which sentences lie in a goal section. */
export function findGoalSections(sentences: readonly string[]): boolean[] {
  return readSections(sentences).map((s) => s.goal);
}

function levelOf(sentence: string): number | null {
  const i = LEVELS.findIndex((r) => r.test(sentence));
  return i < 0 ? null : i;
}

/** A heading's words, without its number and closing punctuation; null when the sentence is prose. */
function headingBody(sentence: string): string | null {
  const body = sentence.replace(/[。:：]$/, '').replace(LEVELS.find((r) => r.test(sentence)) ?? /^/, '');
  return body.length > 0 && body.length <= HEADING_MAX && !/[,，;；。]/.test(body) ? body : null;
}
