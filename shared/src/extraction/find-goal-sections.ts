/**
 * Which sentences lie in a goal section (主要目标, 发展目标, 总体目标, 行动目标, 工作目标, 具体目标,
 * 主要指标 ...), under whatever heading the plan gives it. A figure there needs no target word of
 * its own ("高新技术企业数量：1500家"): the section says it is a target. The section runs from its
 * heading to the next heading of the same or a higher level (二、重点任务 ends 一、主要目标; the
 * goals' own items "1、产业能级显著增强" do not), or, for an unnumbered heading ("具体目标如下："),
 * to the next numbered heading of the first two levels.
 */
const GOAL_HEADING = /(?:主要|发展|总体|行动|工作|具体|预期|阶段性?)目标|目标任务|主要指标|指标体系|发展指标/;
const HEADING_MAX = 24;
const LEVELS: readonly RegExp[] = [
  /^[\-—•·]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章部分篇])/,
  /^[\-—•·]*[(（][一二三四五六七八九十]+[)）]/,
  /^[\-—•·]*\d+[.、]/,
];

export function findGoalSections(sentences: readonly string[]): boolean[] {
  let level: number | null = null; // level of the open goal heading; 2 for an unnumbered one
  return sentences.map((s) => {
    const own = levelOf(s);
    if (level !== null && own !== null && own <= level) level = null;
    if (isGoalHeading(s)) {
      // A goal heading inside a goal section ("一、总体目标" … "具体目标如下：") keeps the outer extent.
      level = level === null ? (own ?? 1) : Math.min(level, own ?? 1);
      return false;
    }
    return level !== null;
  });
}

function levelOf(sentence: string): number | null {
  const i = LEVELS.findIndex((r) => r.test(sentence));
  return i < 0 ? null : i;
}

function isGoalHeading(sentence: string): boolean {
  if (!GOAL_HEADING.test(sentence)) return false;
  const body = sentence.replace(/[。:：]$/, '');
  return body.length <= HEADING_MAX && !/[,，;；。]/.test(body);
}
