import type { Catalogue, Indicator } from '../catalogue/catalogue-schema.js';
import type { FieldReason } from './template-model.js';

/** What a park is asked to report: its template's rows, and the indicators they answer. */
export interface AskedIndicators {
  /** Row codes in template order (targets, then the common set, then components), each with why it is there. */
  rows: Array<{ code: string; reasons: FieldReason[] }>;
  /** An indicator answered by another row (sameFigures): 奉贤园's 主导及特色产业营收 → 三大特色产业总规模. */
  primaryOf: ReadonlyMap<string, string>;
  /** Whether the park is asked for an indicator, on its own row or through another. */
  has(code: string): boolean;
}

const REASON_ORDER: Record<FieldReason, number> = { target: 0, common: 1, component: 2 };

/**
 * The indicators a park is asked for (docs/domain.md, "Blank, not applicable, not reported"): its
 * targeted indicators, the zone-wide common set, and every component a ratio or a part-of-whole
 * check of those needs. An indicator outside this set is 不适用 for the park: never missing, never
 * waited for by a total. Its template has exactly these rows; consolidation reads the same set.
 * A park or indicator the catalogue does not know is a catalogue fault: this throws.
 */
export function askedIndicators(catalogue: Catalogue, parkCode: string): AskedIndicators {
  const park = catalogue.parks.find((p) => p.code === parkCode);
  if (!park) throw new Error(`askedIndicators: unknown park "${parkCode}"`);
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const indicator = (code: string): Indicator => {
    const found = byCode.get(code);
    if (!found) throw new Error(`catalogue: unknown indicator "${code}"`);
    return found;
  };
  // One figure, several names (docs/domain.md, "Targets"): the park reports the first of each
  // group of sameFigures, and that row answers the others.
  const primaryOf = new Map<string, string>();
  for (const group of park.sameFigures) for (const code of group.indicators.slice(1)) primaryOf.set(code, group.indicators[0]!);
  const keyOf = (code: string) => primaryOf.get(code) ?? code;
  const reasons = new Map<string, Set<FieldReason>>();
  const add = (requested: string, reason: FieldReason) => {
    indicator(requested);
    const code = keyOf(requested);
    indicator(code);
    const set = reasons.get(code) ?? new Set<FieldReason>();
    const isNew = !reasons.has(code);
    set.add(reason);
    reasons.set(code, set);
    if (isNew) addNeeded(code);
  };
  // A ratio needs its numerator and denominator; a part needs its whole for the part ≤ whole check.
  const addNeeded = (code: string) => {
    const ind = indicator(code);
    for (const ref of ind.components ? [ind.components.numerator, ind.components.denominator] : []) {
      if ('indicator' in ref) add(ref.indicator, 'component');
    }
    if (ind.partOf) add(ind.partOf, 'component');
  };
  for (const t of catalogue.targets) if (t.park === park.code) add(t.indicator, 'target');
  for (const i of catalogue.indicators) if (i.common) add(i.code, 'common');

  const order = new Map(catalogue.indicators.map((i, n) => [i.code, n]));
  const first = (code: string) => Math.min(...[...reasons.get(code)!].map((r) => REASON_ORDER[r]));
  const rows = [...reasons.keys()]
    .sort((a, b) => first(a) - first(b) || order.get(a)! - order.get(b)!)
    .map((code) => ({ code, reasons: [...reasons.get(code)!].sort((a, b) => REASON_ORDER[a] - REASON_ORDER[b]) }));
  return { rows, primaryOf, has: (code) => reasons.has(code) || primaryOf.has(code) };
}
