import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodOrder, parsePeriod } from '../periods/periods.js';
import { baselinesOf, indexWith, sameContribution, type BaselineIndex } from './baseline-index.js';

const PERIODS = ['2023', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2024', '2025Q1', '2025Q2', '2025'];
const KEYS = ['a', 'b', 'c'];
const order = (code: string) => {
  const p = parsePeriod(code);
  if (!p.ok) throw new Error(code);
  return periodOrder(p.period);
};
const baselines = fc.dictionary(fc.constantFrom(...KEYS), fc.option(fc.constantFrom(0, 1, 2.5, 1200), { nil: null }));
/** Periods' accepted baselines set and reset in any order (null: the period has none any more). */
const changes = fc.array(fc.tuple(fc.constantFrom(...PERIODS), fc.option(baselines, { nil: null })), { maxLength: 30 });

/** The rule the index must answer: the latest period (before `before`) reporting a value wins. */
function foldInPeriodOrder(current: Map<string, Record<string, number | null>>, before?: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const period of [...current.keys()].sort((a, b) => order(a) - order(b))) {
    if (before !== undefined && order(period) >= before) continue;
    for (const [k, v] of Object.entries(current.get(period)!)) if (v !== null) out[k] = v;
  }
  return out;
}

describe('BaselineIndex', () => {
  it('answers what folding the current baselines in period order answers, before any period and overall, whatever order they changed in', () => {
    fc.assert(
      fc.property(changes, fc.constantFrom(undefined, ...PERIODS.map(order)), (list, before) => {
        let index: BaselineIndex = {};
        const current = new Map<string, Record<string, number | null>>();
        for (const [period, b] of list) {
          index = indexWith(index, period, b);
          if (b === null) current.delete(period);
          else current.set(period, b);
        }
        expect(baselinesOf(index, before)).toEqual(foldInPeriodOrder(current, before));
        // Survives being stored as JSON.
        expect(baselinesOf(JSON.parse(JSON.stringify(index)) as BaselineIndex, before)).toEqual(foldInPeriodOrder(current, before));
      }),
    );
  });

  it('keeps a value once however many periods repeat it', () => {
    let index: BaselineIndex = {};
    for (const period of PERIODS) index = indexWith(index, period, { a: 1200, b: null });
    expect(index).toEqual({ a: [[1200, [...PERIODS].sort()]] });
    expect(indexWith(index, '2024', null).a![0]![1]).not.toContain('2024');
  });

  it('sameContribution ignores blanks and order', () => {
    expect(sameContribution({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameContribution({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameContribution(null, {})).toBe(true);
    expect(sameContribution({ a: 1 }, { b: 1 })).toBe(false);
  });
});
