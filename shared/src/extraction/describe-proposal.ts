import type { ProposalComparison, ProposalReason, ReasonCode, TargetKind } from './target-proposal.js';

/**
 * What the review screen shows of a proposal beside its figure: the kind of target, the reasons
 * it is a target and not a past result (in Chinese and English), and a confidence to sort by.
 */

const GROWTH_WORDS = /(?:增长|增速|增幅|提高|提升|下降|降低|减少|压减|削减|年均|翻番)$/;
const GROWTH_ANYWHERE = /增长|增速|增幅|下降|降低|减少|压减|削减|年均增/;
const COUNT_UNIT = /^(?:万|千)?(?:家|个|件|项|所|座|名|位|人|套|张|款|例|篇|条|场|场次|人次|家次|台|辆|艘|架|颗|起|支)$/;
/** 每万人发明专利拥有量, 万人口…: a figure per head of population is a level, whatever it counts. */
const PER_HEAD = /^(?:每(?:十万|万|千|百)|万人|千人|百人)/;

export function kindOf(value: {
  unit: string;
  unitCode: string | null;
  indicator: string;
  comparison: ProposalComparison;
  growth?: boolean;
  decline?: boolean;
}): TargetKind {
  const { unit, unitCode, indicator, comparison } = value;
  if (comparison === 'lte' || comparison === 'lt') return 'ceiling';
  if (value.growth || value.decline || unit === '倍' || /百分点$/.test(unit)) return 'growth';
  if (unit === '%' || unit === '‰') return GROWTH_WORDS.test(indicator) || GROWTH_ANYWHERE.test(indicator.slice(-6)) ? 'growth' : 'share';
  if (/元$/.test(unit) || unitCode === '亿元' || unitCode === '万元') return 'amount';
  if ((COUNT_UNIT.test(unit) || unitCode === '万人') && !PER_HEAD.test(indicator)) return 'count';
  return 'level';
}

const TEXTS: Readonly<Record<ReasonCode, (w: string) => { zh: string; en: string }>> = {
  target_year: (w) => ({ zh: `句中写明目标年份“${w}”`, en: `the sentence aims at a year: “${w}”` }),
  year_after_text: (w) => ({ zh: `所指年份“${w}”晚于成文时间`, en: `the year “${w}” comes after the text was written` }),
  heading_year: (w) => ({ zh: `上级标题写明年份：“${w}”`, en: `the heading above names the year: “${w}”` }),
  earlier_year: (w) => ({ zh: `前文写明目标年份：“${w}”`, en: `an earlier sentence names the year: “${w}”` }),
  title_year: (w) => ({ zh: `标题写明年份：“${w}”`, en: `the title names the year: “${w}”` }),
  plan_year: (w) => ({ zh: `句中未写年份，取规划目标年份${w}`, en: `no year near the figure: the plan's target year ${w}` }),
  goal_section: (w) => ({ zh: `位于目标部分“${w}”`, en: `it sits in the goals section “${w}”` }),
  goal_table: (w) => ({ zh: `位于表格目标列“${w}”`, en: `it stands in the table's target column “${w}”` }),
  target_word: (w) => ({ zh: `目标用语“${w}”`, en: `a word that sets a target: “${w}”` }),
  stretch_word: (w) => ({ zh: `争取性用语“${w}”`, en: `a stretch word: “${w}”` }),
  list_of_targets: () => ({ zh: '与前一目标并列', en: 'it continues a list of targets' }),
  count_verb: (w) => ({ zh: `以“${w}”提出建设数量`, en: `a count the plan sets up: “${w}”` }),
};

export function reason(code: ReasonCode, words: string): ProposalReason {
  return { code, words, ...TEXTS[code](words) };
}

/** Weights of the confidence: what a year, a section, a word or a reading says for a target. */
const YEAR_WEIGHT: Readonly<Partial<Record<ReasonCode, number>>> = {
  goal_table: 0.4,
  target_year: 0.35,
  heading_year: 0.3,
  year_after_text: 0.25,
  earlier_year: 0.25,
  title_year: 0.2,
  plan_year: 0.1,
};

/**
 * 0-1, for the review screen to sort by. It adds what speaks for a target (a year aimed at, then
 * a goal section, then a target word) and takes off for what a person should look at twice (a
 * figure read from words, an approximate figure, a short or very long indicator, an unknown unit).
 */
export function confidenceOf(
  reasons: readonly ProposalReason[],
  flags: { reading: boolean; approximate: boolean; indicator: string; unitKnown: boolean },
): number {
  const has = (code: ReasonCode) => reasons.some((r) => r.code === code);
  let c = 0.3 + Math.max(0, ...reasons.map((r) => YEAR_WEIGHT[r.code] ?? 0));
  if (has('goal_section') || has('goal_table')) c += 0.15;
  if (has('target_word')) c += 0.15;
  else if (has('list_of_targets')) c += 0.1;
  else if (has('count_verb')) c += 0.05;
  if (flags.reading) c -= 0.1;
  if (flags.approximate) c -= 0.1;
  if (flags.indicator.length < 2) c -= 0.2;
  else if (flags.indicator.length > 25) c -= 0.05;
  if (!flags.unitKnown) c -= 0.05;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}
