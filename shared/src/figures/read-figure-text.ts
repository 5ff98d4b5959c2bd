/**
 * The lexical reading of one cell's text, already folded to ASCII by `normalizeFigureText`:
 * blank, an explicit "nothing to report", or one number with whatever follows it. Units are
 * read afterwards (read-unit-suffix.ts); this only decides whether the text is one number.
 */
export type TextReading =
  | { kind: 'blank' }
  | { kind: 'none' }
  | { kind: 'number'; number: number; suffix: string }
  | {
      kind: 'refused';
      code: 'figure_not_a_number' | 'figure_ambiguous_separator' | 'figure_multiple_numbers' | 'figure_approximate';
    };

/**
 * What Chinese statistical tables put in a cell to say "nothing / not applicable" (无, 不适用,
 * a dash or a slash). Compared after folding (－ → -, ／ → /) and lower-casing (N/A, n/a).
 */
export const NONE_MARKS: ReadonlySet<string> = new Set(['-', '--', '—', '——', '–', '――', '―', '/', '无', '不适用', 'n/a', 'na']);

/** Hedge words: 约100, 100左右, 100多家, 100余家, 100以上. An estimate is refused, never rounded. */
const APPROXIMATE = /约|左右|上下|多|余|近|超过|以上|以下|不到|不足|逾|估|预计|大概|≈|~/;

/** A sign, digits (commas allowed for now, checked below), a decimal part, an exponent. */
const LEADING_NUMBER = /^([+-]?)(\d[\d,]*(?:\.\d*)?|\.\d+)(e[+-]?\d+)?/i;

/** Thousands separators only between groups of exactly three digits: 1,234,567.8 but not 1,23. */
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

export function readFigureText(text: string): TextReading {
  if (text === '') return { kind: 'blank' };
  if (NONE_MARKS.has(text.toLowerCase())) return { kind: 'none' };
  const match = LEADING_NUMBER.exec(text);
  if (match === null) {
    if (/\d/.test(text) && APPROXIMATE.test(text)) return { kind: 'refused', code: 'figure_approximate' };
    return { kind: 'refused', code: 'figure_not_a_number' };
  }
  const [whole, sign = '', body = '', exponent = ''] = match;
  if (body.includes(',') && (exponent !== '' || !GROUPED.test(body))) {
    return { kind: 'refused', code: 'figure_ambiguous_separator' };
  }
  const rest = text.slice(whole.length);
  // 1.234.567, 1 000, 12。5: another separator right after the number; which one is decimal?
  if (/^[.,\s。、]\d/.test(rest)) return { kind: 'refused', code: 'figure_ambiguous_separator' };
  const suffix = rest.trim();
  if (/\d/.test(suffix)) return { kind: 'refused', code: 'figure_multiple_numbers' };
  if (APPROXIMATE.test(suffix)) return { kind: 'refused', code: 'figure_approximate' };
  return { kind: 'number', number: Number(sign + body.replace(/,/g, '') + exponent), suffix };
}
