import { UNITS, findUnit, type UnitDef } from './units.js';

/**
 * What the text after a number means, relative to the field's unit. `typed` is the unit the
 * statistician wrote (or implied), `magnitude` a Chinese magnitude word in front of it:
 * "3.4万人" → 万人 × 1; "1.2亿元" → 亿元 × 1; "5千元" → 元 × 1000.
 */
export type SuffixReading =
  | { ok: true; typed: UnitDef; magnitude: number }
  | { ok: false; code: 'figure_unknown_unit' | 'figure_unit_mismatch' }
  | { ok: false; code: 'figure_magnitude_not_allowed'; magnitude: string };

/** Spellings of a unit that are not its code. 平米 and ㎡ are everywhere in park statistics. */
const ALIASES: Readonly<Record<string, string>> = {
  平米: '平方米',
  '㎡': '平方米',
  m2: '平方米',
  'm²': '平方米',
};

/** Longest first, so 千万 is read before 千. */
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ['十万', 1e5],
  ['百万', 1e6],
  ['千万', 1e7],
  ['百', 1e2],
  ['千', 1e3],
  ['万', 1e4],
  ['亿', 1e8],
];

const unitOf = (text: string): UnitDef | undefined => findUnit(ALIASES[text] ?? text);

/** A unit without a magnitude in its name (元, 人, 平方米, 家), to which 万/亿 can be prefixed. */
const isBare = (u: UnitDef): boolean => !/^[万亿]/.test(u.code) && u.dimension !== 'percent';

/**
 * A bare magnitude counts the dimension's bare unit: "3.4万" in a 人 field is 3.4万人, and
 * "1.2亿" in a 万元 field is 1.2亿元, i.e. 12000万元, as the statistician says it aloud.
 * Dimensions without a bare unit (万元/人) or where it makes no sense (%) refuse it.
 */
export function readUnitSuffix(suffix: string, field: UnitDef): SuffixReading {
  if (suffix === '') return { ok: true, typed: field, magnitude: 1 };
  const direct = unitOf(suffix);
  const reading = direct !== undefined ? { typed: direct, magnitude: 1 } : readMagnitude(suffix, field);
  if (!('typed' in reading)) return reading;
  if (reading.typed.dimension !== field.dimension) return { ok: false, code: 'figure_unit_mismatch' };
  return { ok: true, ...reading };
}

function readMagnitude(suffix: string, field: UnitDef): { typed: UnitDef; magnitude: number } | Extract<SuffixReading, { ok: false }> {
  const found = MAGNITUDES.find(([word]) => suffix.startsWith(word));
  if (found === undefined) return { ok: false, code: 'figure_unknown_unit' };
  const [word, magnitude] = found;
  const rest = suffix.slice(word.length).trim();
  if (rest === '') {
    const bare = UNITS.find((u) => u.dimension === field.dimension && isBare(u));
    if (bare === undefined) return { ok: false, code: 'figure_magnitude_not_allowed', magnitude: word };
    return { typed: bare, magnitude };
  }
  const typed = unitOf(rest);
  if (typed === undefined) return { ok: false, code: 'figure_unknown_unit' };
  if (!isBare(typed)) return { ok: false, code: 'figure_magnitude_not_allowed', magnitude: word };
  return { typed, magnitude };
}
