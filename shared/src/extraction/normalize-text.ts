import * as OpenCC from 'opencc-js/t2cn';

/**
 * A working copy of a plan text that the extractor reads, with a map back to the original so
 * every quote stays verbatim. OCR and web copies scatter spaces inside figures ("到 2026 年",
 * "500 家") and mix full-width forms ("１２３", "％", "，"): the copy drops spaces and markdown
 * asterisks, folds full-width ASCII to half-width, reads traditional script as simplified
 * (達到→达到, 億元→亿元, 個→个: OpenCC's Hong Kong and Taiwan tables, one character for one, so
 * the map stays exact), collapses blank lines and writes years in Chinese digits (二〇二六年) as
 * 2026年. Each kept character maps to exactly one original index.
 */
export interface NormalizedText {
  text: string;
  /** map[i] is the index in the original of text[i]. */
  map: number[];
}

const DROPPED = /[\s*\u200b\ufeff]/;
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

export function normalizeText(original: string): NormalizedText {
  const codes = new Uint16Array(original.length);
  const map: number[] = [];
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (code === 10) {
      if (n > 0 && codes[n - 1] !== 10) {
        codes[n++] = 10;
        map.push(i);
      }
      continue;
    }
    // Character codes, not a regular expression per character: a 250 KB page pays for every step here.
    if (code <= 0x20 || code === 0x2a || (code >= 0x80 && (code < 0x3400 || code === 0xfeff) && DROPPED.test(original[i] as string))) continue;
    codes[n++] = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code === 0x301c ? 0x7e : code >= 0x3400 ? foldScript(code) : code;
    map.push(i);
  }
  const kept = codes.subarray(0, n);
  foldChineseYears(kept);
  let text = '';
  for (let i = 0; i < n; i += CHUNK) text += String.fromCharCode(...kept.subarray(i, Math.min(n, i + CHUNK)));
  return { text, map };
}

const CHUNK = 8192;
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
/** Simplified form of each character code met so far; 0 where not yet looked up. */
const SIMPLIFIED = new Uint16Array(0x10000);

/**
 * A traditional character (U+3400 and above) as its simplified form (臺 → 台), else as it is.
 * Full-width ASCII (U+FF01-FF5E) is folded to half-width before this ("１２３" → "123", "％" → "%").
 */
function foldScript(code: number): number {
  let s = SIMPLIFIED[code] as number;
  if (s === 0) {
    const converted = toSimplified(String.fromCharCode(code));
    s = converted.length === 1 ? converted.charCodeAt(0) : code;
    SIMPLIFIED[code] = s;
  }
  return s;
}

/** 二〇二六年 → 2026年, in place: official documents write years in Chinese digits. */
function foldChineseYears(codes: Uint16Array): void {
  const YEAR = 0x5e74; // 年
  const digit = (code: number | undefined) => (code === undefined ? undefined : CHINESE_DIGITS[String.fromCharCode(code)]);
  for (let i = 0; i + 4 < codes.length; i++) {
    if (codes[i + 4] !== YEAR) continue;
    const run = [...codes.subarray(i, i + 4)];
    if (!run.every((c) => digit(c) !== undefined) || !run.some((c) => c === 0x3007 || c === 0x96f6)) continue; // 〇, 零
    if (i > 0 && digit(codes[i - 1]) !== undefined) continue;
    for (let k = 0; k < 4; k++) codes[i + k] = (digit(run[k]) as string).charCodeAt(0);
  }
}

/** The verbatim original span of normalized [start, end). */
export function originalSpan(norm: NormalizedText, start: number, end: number, original: string): { offset: number; quote: string } {
  const offset = norm.map[start] ?? original.length;
  const last = norm.map[end - 1];
  const stop = last === undefined ? offset : last + 1;
  return { offset, quote: original.slice(offset, stop) };
}
