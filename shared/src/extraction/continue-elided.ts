import { CUMULATIVE_WORDS } from './extraction-lexicon.js';

/**
 * The indicator of a clause that leans on the indicator before it in the same sentence (`elided`):
 * - nothing of its own: the one before ("营收达到800亿元，到2026年达到1200亿元");
 * - a cumulative verb alone: the one before, with it ("累计引进人才达到20万人；至2026年，累计超过22万人");
 * - a growth (较2023年增长, 年均增速): a growth of the subject before ("营业收入突破1500亿元，年均增速保持在15%");
 * - a head without a subject (总数, 总量, 占比): the subject before ("新增高新技术企业200家，总数达到1000家").
 */
const GROWTH = /^(?:较|比|同比|相比|年均(?!新增|引进|培育|新认定|引育|招引)|增长|增速)/;
const HEAD_ONLY = /^(?:总数|总量|总规模|总额|数量|规模|比重|占比)$/;
/** Where the subject of an indicator ends: its comparison base or its growth (占比, 比重 are not bases). */
const GROWTH_PART = /在\d{4}年基础上|较|相比|同比|(?<!占)比(?![重例率])|年均|增长|增速|翻[一两二三]?番/;
const LEADING_VERB = new RegExp(`^(?:${CUMULATIVE_WORDS.join('|')}|培育|建成|打造)+`);

export function continueElided(phrase: string, elided: string): string {
  if (elided === '') return phrase;
  // 营业收入较2020年翻一番，达到2000亿元: the level after a growth belongs to the subject, not to the growth.
  if (phrase === '') return GROWTH_PART.test(elided) ? subjectOf(elided) : elided;
  if (CUMULATIVE_WORDS.includes(phrase)) return elided.includes(phrase) ? elided : elided + phrase;
  if (GROWTH.test(phrase)) return subjectOf(elided) + phrase;
  if (HEAD_ONLY.test(phrase)) return subjectOf(elided).replace(LEADING_VERB, '') + phrase;
  return phrase;
}

function subjectOf(indicator: string): string {
  const end = GROWTH_PART.exec(indicator);
  return end && end.index >= 2 ? indicator.slice(0, end.index) : indicator;
}
