import { parseChineseNumber } from './parse-chinese-number.js';
import { LATIN_UNIT_PATTERN, NUMERAL_VERBS, UNIT_FALSE_FRIENDS, WRITTEN_UNITS } from './extraction-lexicon.js';

/**
 * Figures with a unit in a span of a normalized, masked text: 500家, 3.4万人, 1-2家, 1至2家, 6.8%,
 * 200万平方米, 53.3万元/人, 3000亿, 两家, 千亿级, 10亿元级, 百分之六十, 40%—45%, 20EFLOPS. A number
 * without a unit (list numbers, years, 5G, 〔2025〕5号) is not a figure. Chinese numerals count only
 * after a verb (建成两家, 新增三个) or before a grade (两个超千亿级产业集群), so 一核两翼, 四个一,
 * 八家在奉高校 and 一批 are not figures; a Chinese magnitude (千亿级, 百亿) needs no verb, the
 * extractor asks for a target word anyway.
 */
export interface Quantity {
  /** First character of the number. */
  start: number;
  /** After the unit. */
  end: number;
  /** After a trailing 以上 / 左右 / 以内 ..., or `end`. */
  tailEnd: number;
  value: number;
  valueHigh?: number;
  /** As written: magnitude and unit (万人, 亿元, 亿, 家, %). */
  unit: string;
  /** 30余家, 50多个, 近千家: a rough count that describes rather than aims (左右 is how targets say "about"). */
  approximate: boolean;
  /** 50家以上, 32个及以上. */
  atLeast: boolean;
  /** 10个以内, 5%以下: a ceiling. */
  ceiling: boolean;
  /** 千亿级, 百亿级: a grade (an order of magnitude), not an exact figure. */
  grade: boolean;
  chinese: boolean;
  /**
   * How a figure not written in digits was read, for a person to check: "千亿级 = 1000亿（量级）",
   * "六成 = 60%", "翻两番 = 基期的4倍", "两位数增长 = 不低于10%". Absent for figures in digits.
   */
  reading?: string;
  /** The figure is a growth by its very words (翻两番, 两位数增长), whatever its clause says. */
  growth?: boolean;
}

const ARABIC = /(\d+(?:,\d{3})*(?:\.\d+)?)(?:(?:-|~|—|–|至|到)(\d+(?:\.\d+)?))?(余|多)?(万亿|亿|万|兆(?=元))?(余|多)?(级)?/g;
const CHINESE = /([零〇一二两三四五六七八九十百千万亿]+)(余|多)?(级)?/g;
const PERCENT_WORDS = /百分之([\d.]+|[零〇一二两三四五六七八九十百点]+)/g;
/** 翻一番, 翻两番: a multiple of the base (2, 4); 翻番 alone is one doubling. */
const DOUBLINGS = /翻(一|两|二|三|四)?番/g;
const DOUBLING_COUNT: Readonly<Record<string, number>> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 };
/** 六成, 超过三成, 八成以上: tenths. The numeral must close the figure, so 形成, 建成, 一成不变 are not figures. */
const TENTHS = /(?<![一二两三四五六七八九十])([一二两三四五六七八九])成(?=以上|左右|及以上|[,，。;；、)）]|$)/g;
/** 两位数增长, 保持两位数增速: growth of at least 10% a year, the plan gives no figure. */
const TWO_DIGIT_GROWTH = /两位数(?:的)?(?:增长|增速|增幅)/g;
const TAIL = /^(及以上|以上|以下|以内|左右|上下)/;
const NAME_BEFORE = /[A-Za-z+#/_\\.\d第-]$/;
/** 40%—45%, 20亿元至30亿元: a range that repeats its unit after the upper end. */
const REPEATED_RANGE = /^(?:-|~|—|–|至|到)(\d+(?:\.\d+)?)(万亿|亿|万)?/;
/** 两个千亿级产业集群, 三个超百亿元级: a Chinese count of graded things. */
const BEFORE_GRADE = /^(?:超过?)?[\d.一二两三四五六七八九十百千万亿]+元?级/;

export function findQuantities(masked: string, from = 0, to = masked.length): Quantity[] {
  const span = masked.slice(from, to);
  const found = [...arabic(span), ...chinese(span), ...percentWords(span), ...wordFigures(span)].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Quantity[] = [];
  for (const q of found) {
    const last = out[out.length - 1];
    if (last && q.start < last.tailEnd) continue;
    // 两个千亿级产业集群: the grade describes what is counted, it is not a second figure.
    if (last && q.grade && /^(?:超过?)?$/.test(span.slice(last.tailEnd, q.start))) continue;
    out.push(q);
  }
  return out.map((q) => ({ ...q, start: q.start + from, end: q.end + from, tailEnd: q.tailEnd + from }));
}

function arabic(span: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of span.matchAll(ARABIC)) {
    const start = m.index ?? 0;
    if (NAME_BEFORE.test(span.slice(0, start))) continue;
    const afterNumber = span.slice(start + m[0].length);
    const magnitude = m[4] ?? '';
    const latin = LATIN_UNIT_PATTERN.exec(afterNumber)?.[0];
    // 5G, 6G, 20+8: a name or a slogan, not a figure.
    if (magnitude === '' && latin === undefined && /^[A-Za-z+]/.test(afterNumber)) continue;
    const unit = latin ?? readUnit(afterNumber);
    if (unit === '' && magnitude === '') continue;
    if (m[6] !== undefined && magnitude === '') continue; // 3级: a grade
    if (/前$/.test(span.slice(0, start)) && /^[名位]/.test(unit)) continue; // 前10名: a ranking
    const low = parseArabic(m[1] ?? '');
    let end = start + m[0].length + unit.length;
    const repeated = m[2] === undefined && m[6] === undefined ? repeatedRange(span, end, magnitude + unit) : null;
    const highText = m[2] ?? repeated?.high;
    const high = highText === undefined ? undefined : parseArabic(highText);
    if (low === null || (highText !== undefined && (high === null || high === undefined || high <= low))) continue;
    if (repeated) end = repeated.end;
    // 10亿元级企业: a grade written after its unit.
    const gradeAfterUnit = m[6] === undefined && span[end] === '级';
    if (gradeAfterUnit) end += 1;
    const grade = m[6] !== undefined || gradeAfterUnit;
    const reading =
      magnitude === '兆'
        ? `${span.slice(start, end)} = ${low}万亿${unit}（兆即万亿）`
        : grade
          ? `${span.slice(start, end)} = ${low}${magnitude}${unit}（量级，按下限）`
          : undefined;
    out.push(
      withTail(span, {
        start,
        end,
        tailEnd: end,
        value: low,
        unit: magnitude + unit,
        approximate: m[3] !== undefined || m[5] !== undefined,
        atLeast: false,
        ceiling: false,
        grade,
        chinese: false,
        ...(high === undefined || high === null ? {} : { valueHigh: high }),
        ...(reading === undefined ? {} : { reading }),
      }),
    );
  }
  return out;
}

function chinese(span: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of span.matchAll(CHINESE)) {
    const start = m.index ?? 0;
    const run = m[1] ?? '';
    const lastChar = run[run.length - 1];
    const magnitude = lastChar === '亿' || lastChar === '万' ? lastChar : '';
    const number = magnitude === '' ? run : run.slice(0, -1);
    if (number === '' || /^[零〇]/.test(number)) continue;
    const value = parseChineseNumber(number);
    if (value === null || value <= 0) continue;
    const before = span.slice(0, start);
    if (/第$/.test(before)) continue;
    const unit = readUnit(span.slice(start + m[0].length));
    if (unit === '' && magnitude === '') continue;
    let end = start + m[0].length + unit.length;
    const gradeAfterUnit = m[3] === undefined && span[end] === '级'; // 超千亿元级
    if (gradeAfterUnit) end += 1;
    // Without a magnitude, a Chinese numeral is a figure right after a verb (建成两家) or when it
    // closes its clause (上市企业两家以上，); followed by a noun it is part of a name (八家在奉高校).
    const closes = /^(?:及以上|以上|左右|[,，。;；、!?！？)）]|$)/.test(span.slice(end));
    const countsGrades = unit !== '' && BEFORE_GRADE.test(span.slice(end));
    if (magnitude === '' && !closes && !countsGrades && !NUMERAL_VERBS.some((v) => before.endsWith(v))) continue;
    const grade = m[3] !== undefined || gradeAfterUnit;
    out.push(
      withTail(span, {
        start,
        end,
        tailEnd: end,
        value,
        unit: magnitude + unit,
        approximate: m[2] !== undefined,
        atLeast: false,
        ceiling: false,
        grade,
        chinese: true,
        reading: `${span.slice(start, end)} = ${value}${magnitude}${unit}${grade ? '（量级，按下限）' : ''}`,
      }),
    );
  }
  return out;
}

function percentWords(span: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of span.matchAll(PERCENT_WORDS)) {
    const written = m[1] ?? '';
    const value = /\d/.test(written) ? parseArabic(written) : parseChineseNumber(written);
    if (value === null) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push(
      withTail(span, {
        start,
        end,
        tailEnd: end,
        value,
        unit: '%',
        approximate: false,
        atLeast: false,
        ceiling: false,
        grade: false,
        chinese: true,
        reading: `${m[0]} = ${value}%`,
      }),
    );
  }
  return out;
}

/** Figures written as words only: 翻两番 (×4), 六成 (60%), 两位数增长 (≥ 10%). */
function wordFigures(span: string): Quantity[] {
  const out: Quantity[] = [];
  const push = (start: number, written: string, value: number, unit: string, reading: string, extra: Partial<Quantity>) => {
    const end = start + written.length;
    out.push(
      withTail(span, {
        start,
        end,
        tailEnd: end,
        value,
        unit,
        approximate: false,
        atLeast: false,
        ceiling: false,
        grade: false,
        chinese: true,
        reading,
        ...extra,
      }),
    );
  };
  for (const m of span.matchAll(DOUBLINGS)) {
    const times = 2 ** (DOUBLING_COUNT[m[1] ?? '一'] ?? 1);
    push(m.index ?? 0, m[0], times, '倍', `${m[0]} = 基期的${times}倍`, { growth: true });
  }
  for (const m of span.matchAll(TENTHS)) {
    const value = 10 * (parseChineseNumber(m[1] ?? '') ?? 0);
    push(m.index ?? 0, m[0], value, '%', `${m[0]} = ${value}%`, {});
  }
  for (const m of span.matchAll(TWO_DIGIT_GROWTH)) {
    push(m.index ?? 0, m[0], 10, '%', '两位数增长 = 年增长不低于10%', { growth: true, atLeast: true });
  }
  return out;
}

/** After "40%", the upper end of "—45%" and where it ends: the same magnitude and unit must follow. */
function repeatedRange(span: string, at: number, unit: string): { high: string; end: number } | null {
  const m = REPEATED_RANGE.exec(span.slice(at));
  if (!m || m[1] === undefined) return null;
  const after = at + m[0].length;
  const written = (m[2] ?? '') + readUnit(span.slice(after));
  return written === unit ? { high: m[1], end: after + written.length - (m[2] ?? '').length } : null;
}

function readUnit(after: string): string {
  for (const unit of WRITTEN_UNITS) {
    if (!after.startsWith(unit)) continue;
    const friend = UNIT_FALSE_FRIENDS[unit];
    if (friend?.test(after.slice(unit.length))) return '';
    return unit;
  }
  return '';
}

function withTail(span: string, q: Quantity): Quantity {
  const tail = TAIL.exec(span.slice(q.end))?.[1] ?? '';
  return {
    ...q,
    // 近千家, 接近200家: a description of what is, never what a plan aims at.
    approximate: q.approximate || span[q.start - 1] === '近',
    tailEnd: q.end + tail.length,
    atLeast: q.atLeast || tail === '以上' || tail === '及以上',
    ceiling: tail === '以下' || tail === '以内',
  };
}

function parseArabic(written: string): number | null {
  const value = Number(written.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}
