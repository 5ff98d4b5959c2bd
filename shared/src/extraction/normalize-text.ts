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
  〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

export function normalizeText(original: string): NormalizedText {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original[i] as string;
    if (c === '\n') {
      if (chars.length > 0 && chars[chars.length - 1] !== '\n') {
        chars.push('\n');
        map.push(i);
      }
      continue;
    }
    if (DROPPED.test(c)) continue;
    chars.push(foldScript(foldWidth(c)));
    map.push(i);
  }
  foldChineseYears(chars);
  return { text: chars.join(''), map };
}

/** Full-width ASCII (U+FF01-FF5E) to half-width: "１２３" → "123", "％" → "%", "，" → ",". */
function foldWidth(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (c === '〜') return '~';
  return c;
}

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const SIMPLIFIED = new Map<string, string>();
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** A traditional character as its simplified form (臺 → 台); any other character as it is. */
function foldScript(c: string): string {
  if (!HAN.test(c)) return c;
  let s = SIMPLIFIED.get(c);
  if (s === undefined) {
    const converted = toSimplified(c);
    s = converted.length === 1 ? converted : c;
    SIMPLIFIED.set(c, s);
  }
  return s;
}

/** 二〇二六年 → 2026年, in place: official documents write years in Chinese digits. */
function foldChineseYears(chars: string[]): void {
  for (let i = 0; i + 4 < chars.length; i++) {
    if (chars[i + 4] !== '年') continue;
    const run = chars.slice(i, i + 4);
    if (!run.every((c) => c in CHINESE_DIGITS) || !run.some((c) => c === '〇' || c === '零')) continue;
    if (i > 0 && (chars[i - 1] as string) in CHINESE_DIGITS) continue;
    for (let k = 0; k < 4; k++) chars[i + k] = CHINESE_DIGITS[run[k] as string] as string;
  }
}

/** The verbatim original span of normalized [start, end). */
export function originalSpan(norm: NormalizedText, start: number, end: number, original: string): { offset: number; quote: string } {
  const offset = norm.map[start] ?? original.length;
  const last = norm.map[end - 1];
  const stop = last === undefined ? offset : last + 1;
  return { offset, quote: original.slice(offset, stop) };
}
