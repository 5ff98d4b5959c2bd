import { continueElided } from './continue-elided.js';
import type { Quantity } from './find-quantities.js';
import { CEILING_BEFORE, CUMULATIVE_WORDS, GT_WORDS, GTE_WORDS, LEADING_NOISE, LINK_WORDS, STRETCH_WORDS } from './extraction-lexicon.js';

/**
 * The indicator a figure measures, read from its clause. Plans put it before the verb
 * ("有效期内高新技术企业达到1550家") or, after a bare verb, behind the figure ("建成1-2家具有影响力
 * 的高质量孵化器", "新增21个药品注册批件"). The verb chain between indicator and figure (达到,
 * 力争达到, 不少于, 新增) is returned apart: it tells the comparison. Cumulative verbs (新增, 引进,
 * 累计) stay in the indicator because they change how the figure is evaluated.
 */
export interface IndicatorReading {
  indicator: string;
  /** The verb chain right before the figure, in text order. */
  chain: string[];
  /** The text before the chain, once noise is stripped, ends with 在 (产值在1亿元以上的): a qualifier. */
  qualifier: boolean;
  /** 从/由 right before the figure (占比由30%提高到40%): the figure is the starting point, not the target. */
  startingPoint: boolean;
  /** The phrase opened with 园区 or the park's name: the figure is the whole park's, not a task's industry. */
  parkWide: boolean;
  /** The clause read: [clauseStart, figure) before, [figure end, clauseEnd) after. */
  clauseStart: number;
  clauseEnd: number;
  /** Span of the normalized text the quote covers. */
  quoteStart: number;
  quoteEnd: number;
}

const MAX_INDICATOR = 30;
const CHAIN_WORDS = [...new Set([...GT_WORDS, ...GTE_WORDS, ...STRETCH_WORDS, ...CUMULATIVE_WORDS, ...LINK_WORDS, ...CEILING_BEFORE])].sort(
  (a, b) => b.length - a.length,
);
const LEADING_VERBS = ['实现', '达到', '建成', '形成', '提供', '打造', '建设', '培育', '推动', '完成', '鼓励', '支持', '引导', '设立', '发放'];
const SKIP_AT_START = /^(?:[\s,，;；:：、。)）\]】”"'\-—]|\d{1,2}[.、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)+/;
/** A quote does not open with the connector that joined it to the clause before (和专精特新企业...). */
const QUOTE_CONNECTOR = /^(?:以及|和)(?=[\u4e00-\u9fff“"])/;
/** "园区营收到2026年达到1000亿元": a year between the indicator and its verb is not part of the indicator. */
const TRAILING_YEAR = /(?:力争|争取|确保)?(?:到|至|在|于)?\d{4}年(?:底前|末前|年底|底|末|以前|之前|前)?$/;
const YEAR_REMNANT =
  /^(?:到|至|力争到|争取到|力争在|争取在|确保到|截至|截止到?)?(?:\d{4}年(?:底前|末前|底|末|以前|之前|前)?|[“"]?十[一二三四五六七八九]五[”"]?(?:期末|末))[,，]?(?:已经|已)?/;
/** 今年的目标是营收…, 全年确保…: the year of a work plan and its framing are not part of the indicator. */
const RELATIVE_YEAR_REMNANT = /^(?:今年|明年|全年|本年度?)(?:的)?(?:主要)?(?:目标|任务)?(?:是|为)?[,，:：]?|^(?:确保|力保)(?=[\u4e00-\u9fff]{2})/;
/** Where the subject of a clause ends: a comparison, a verb or a figure ("营业收入较2020年翻一番" → 营业收入). */
const SUBJECT_END = /较|比|同比|相比|年均|实现|达到|增长|提高|提升|翻|突破|超过|保持|力争|争取|确保|[\d,，;；:：]/;
/** 张江高新区X园 / 张江X园: the zone and park name that opens a clause is not part of the indicator. */
const PARK_PREFIX = /^(?:上海)?张江(?:高新区)?[\u4e00-\u9fff]{1,4}?园区?(?=[\u4e00-\u9fffA-Za-z“"(（])/;
const PARK_WORD = /^园区(?:内|的)?(?=[\u4e00-\u9fffA-Za-z“"(（])/;
/** 企业 opens many indicators only as a qualifier (企业研发经费占营收的比重): kept when it is the head (企业数量). */
const ENTERPRISE_WORD = /^企业(?=[\u4e00-\u9fffA-Za-z“"(（]{4})(?!数|总|家|个数|规模)/;
/** After a figure, the indicator noun phrase ends where a new verb starts. */
const AFTER_STOP = /开展|进行|落地|入驻|参与|用于|达到|成为|形成|提供|[,，;；。!?|\n、：:]/;

export function readIndicatorPhrase(
  text: string,
  left: number,
  q: Quantity,
  right: number,
  /** The indicator of the figure before in the same sentence: "营收达到800亿元，到2026年达到1200亿元" leaves it out. */
  elided = '',
  /** The plan's names for its own park (findParkNames), stripped where they open the phrase. */
  parkNames: readonly string[] = [],
): IndicatorReading {
  let from = left;
  const skipped = SKIP_AT_START.exec(text.slice(from, q.start));
  if (skipped) from += skipped[0].length;
  const connector = QUOTE_CONNECTOR.exec(text.slice(from, q.start));
  if (connector && from + connector[0].length < q.start) from += connector[0].length;

  let before = text.slice(from, q.start);
  const chain: string[] = [];
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const w of CHAIN_WORDS) {
      if (before.length > 0 && before.endsWith(w)) {
        chain.unshift(w);
        before = before.slice(0, -w.length);
        stripped = true;
        break;
      }
    }
    const year = stripped ? null : TRAILING_YEAR.exec(before);
    // 经营总收入比2023年翻一番: the base year of a growth stays with its indicator.
    if (year && year.index > 0 && !/[比较]$/.test(before.slice(0, year.index))) {
      before = before.slice(0, year.index);
      stripped = true;
    }
  }
  const startingPoint = /[从由]$/.test(before);
  if (startingPoint) before = before.slice(0, -1);
  let phrase = cleanLeading(before, parkNames);
  const parkWide = cleanLeading(before, null) !== phrase;
  const qualifier = /在$/.test(phrase);

  let quoteEnd = q.tailEnd;
  if (phrase === '' || (chain.length === 0 && phrase.length < 2)) {
    const after = text.slice(q.tailEnd, right);
    const stop = AFTER_STOP.exec(after);
    // "建设3个产业园区和2条创新走廊": a connector that runs into the next figure is not part of the noun.
    const noun = (stop ? after.slice(0, stop.index) : after.replace(/(?:以及|和|及|与)$/, '')).slice(0, MAX_INDICATOR);
    const kept = chain.filter((w) => CUMULATIVE_WORDS.includes(w)).join('');
    phrase = kept + phrase + noun.replace(/^(?:的|之)/, '');
    quoteEnd = q.tailEnd + noun.length;
  } else {
    // "上市企业新增5家", "科技型中小企业累计达到3000家": the cumulative verb after the noun still counts.
    phrase += chain.filter((w) => CUMULATIVE_WORDS.includes(w)).join('');
  }
  phrase = continueElided(phrase, elided);
  if (phrase.length > MAX_INDICATOR) phrase = phrase.slice(-MAX_INDICATOR);
  return { indicator: phrase, chain, qualifier, startingPoint, parkWide, clauseStart: left, clauseEnd: right, quoteStart: from, quoteEnd };
}

/**
 * The subject a clause opens with, for a later clause that leaves it out: "到2026年，营业收入较2020年翻一番，
 * 达到2000亿元" → 营业收入. Empty when the clause opens with no noun of two characters or more.
 */
export function subjectOf(clause: string, parkNames: readonly string[] = []): string {
  const s = cleanLeading(clause, parkNames);
  const end = SUBJECT_END.exec(s);
  const subject = end ? s.slice(0, end.index) : '';
  return subject.length >= 2 && subject.length <= MAX_INDICATOR ? subject : '';
}

/** parkNames null: leave park names and 园区 in place (to tell whether the phrase had them). */
function cleanLeading(phrase: string, parkNames: readonly string[] | null): string {
  let s = phrase;
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(SKIP_AT_START, '').replace(YEAR_REMNANT, '').replace(RELATIVE_YEAR_REMNANT, '');
    for (const w of [...LEADING_NOISE, ...STRETCH_WORDS]) if (s.startsWith(w)) s = s.slice(w.length);
    if (parkNames !== null) {
      s = s.replace(PARK_PREFIX, '').replace(PARK_WORD, '');
      for (const name of parkNames) if (s.startsWith(name) && s.length > name.length + 1) s = s.slice(name.length);
    }
    s = s.replace(ENTERPRISE_WORD, '');
    for (const w of LEADING_VERBS) if (s.startsWith(w) && s.length > w.length + 1) s = s.slice(w.length);
  }
  return s;
}
