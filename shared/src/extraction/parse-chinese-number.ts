/**
 * The value of a number written in Chinese numerals: 两 → 2, 十五 → 15, 三百二十 → 320,
 * 一万二千 → 12000, 千 → 1000, 六点五 → 6.5. Returns null for anything that is not a well-formed
 * numeral, so callers never see NaN.
 */
const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export function parseChineseNumber(written: string): number | null {
  if (written.length === 0) return null;
  const [whole, fraction, extra] = written.split('点');
  if (extra !== undefined || whole === undefined) return null;
  const intPart = whole === '' ? null : parseInteger(whole);
  if (intPart === null) return null;
  if (fraction === undefined) return intPart;
  let digits = '';
  for (const c of fraction) {
    const d = DIGITS[c];
    if (d === undefined) return null;
    digits += String(d);
  }
  return digits === '' ? null : Number(`${intPart}.${digits}`);
}

function parseInteger(s: string): number | null {
  let yi = 0; // closed by 亿
  let wan = 0; // closed by 万, below 亿
  let section = 0; // below 万
  let digit: number | null = null;
  for (const c of s) {
    const d = DIGITS[c];
    if (d === 0) continue; // 一千零五: 零 only holds a place
    if (d !== undefined) {
      if (digit !== null) return null; // 二三: not a numeral
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    if (c === '万') {
      wan = (section + (digit ?? 0) || 1) * 10_000;
      section = 0;
      digit = null;
      continue;
    }
    if (c === '亿') {
      yi = (wan + section + (digit ?? 0) || 1) * 100_000_000;
      wan = 0;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  return yi + wan + section + (digit ?? 0);
}
