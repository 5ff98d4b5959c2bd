import type { Catalogue } from '../catalogue/catalogue-schema.js';
import { findUnit } from '../figures/units.js';

/**
 * The catalogue indicator a phrase most likely means, scored 0-1 against every indicator's
 * Chinese name and every park's wording of it (seeds/catalogue/wordings.json), by character
 * bigrams (Chinese has no spaces to split words on) with a bonus when one contains the other.
 * A unit of another dimension (家 for an indicator counted in 件) weakens the match: same words,
 * different things (DOMAIN). Below MAP_THRESHOLD the phrase maps to nothing rather than to a
 * poor guess.
 */
export interface CatalogueMapping {
  mappedIndicator: string | null;
  mappingScore: number;
}

export const MAP_THRESHOLD = 0.45;
const OTHER_DIMENSION = 0.6;
const UNKNOWN_UNIT = 0.9;

interface IndexEntry {
  code: string;
  dimension: string | undefined;
  forms: { text: string; grams: Set<string> }[];
}

const INDEXES = new WeakMap<Catalogue, IndexEntry[]>();

export function mapToCatalogue(phrase: string, unitCode: string | null, catalogue: Catalogue | undefined): CatalogueMapping {
  if (!catalogue) return { mappedIndicator: null, mappingScore: 0 };
  const p = simplify(phrase);
  if (p === '') return { mappedIndicator: null, mappingScore: 0 };
  const pGrams = grams(p);
  const dimension = unitCode === null ? undefined : findUnit(unitCode)?.dimension;
  let best: CatalogueMapping = { mappedIndicator: null, mappingScore: 0 };
  for (const entry of indexOf(catalogue)) {
    let similarity = 0;
    for (const form of entry.forms) similarity = Math.max(similarity, similarityOf(p, pGrams, form.text, form.grams));
    const factor = dimension === undefined || entry.dimension === undefined ? UNKNOWN_UNIT : dimension === entry.dimension ? 1 : OTHER_DIMENSION;
    const score = round(similarity * factor);
    if (score > best.mappingScore) best = { mappedIndicator: entry.code, mappingScore: score };
  }
  return best.mappingScore >= MAP_THRESHOLD ? best : { mappedIndicator: null, mappingScore: best.mappingScore };
}

/** An indicator phrase made ready for comparing with many others (simplified, its bigrams counted once). */
export interface PreparedPhrase {
  text: string;
  grams: Set<string>;
}

export function preparePhrase(phrase: string): PreparedPhrase {
  const text = simplify(phrase);
  return { text, grams: grams(text) };
}

/** How alike two indicator phrases are, 0-1, by the same measure as the catalogue mapping. */
export function phraseSimilarity(a: string | PreparedPhrase, b: string | PreparedPhrase): number {
  const x = typeof a === 'string' ? preparePhrase(a) : a;
  const y = typeof b === 'string' ? preparePhrase(b) : b;
  if (x.text === '' || y.text === '') return 0;
  return similarityOf(x.text, x.grams, y.text, y.grams);
}

function indexOf(catalogue: Catalogue): IndexEntry[] {
  const cached = INDEXES.get(catalogue);
  if (cached) return cached;
  const index = catalogue.indicators.map((indicator) => {
    const texts = [indicator.name.zh, ...catalogue.wordings.filter((w) => w.indicator === indicator.code).map((w) => w.wording)];
    const forms = [...new Set(texts.map(simplify))].filter((t) => t !== '').map((text) => ({ text, grams: grams(text) }));
    return { code: indicator.code, dimension: findUnit(indicator.unit)?.dimension, forms };
  });
  INDEXES.set(catalogue, index);
  return index;
}

/** Punctuation, quotes, brackets and 的 carry no meaning for the match; Latin letters fold to lower case. */
function simplify(s: string): string {
  return s
    .replace(/[\s“”"'‘’《》()（）[\]【】、,，.。:：;；!！?？·\-—]/g, '')
    .replace(/的/g, '')
    .toLowerCase();
}

function grams(s: string): Set<string> {
  if (s.length < 2) return new Set([s]);
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function similarityOf(a: string, aGrams: Set<string>, b: string, bGrams: Set<string>): number {
  let shared = 0;
  for (const g of aGrams) if (bGrams.has(g)) shared++;
  const dice = (2 * shared) / (aGrams.size + bGrams.size);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const contained = short.length >= 3 && long.includes(short) ? 0.7 + 0.3 * (short.length / long.length) : 0;
  return Math.max(dice, contained);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
