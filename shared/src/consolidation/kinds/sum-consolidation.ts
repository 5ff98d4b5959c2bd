import { sumFigures } from '../sum-figures.js';
import type { ConsolidatedTotal } from '../consolidation-result.js';
import type { ConsolidationBehaviour } from './consolidation-behaviour.js';
import { reportedCells } from './reported-cells.js';

/** Additive figures (营业收入, 高新技术企业数, 新增…): the total is Σ over the units that reported. */
export const SUM_CONSOLIDATION: ConsolidationBehaviour = {
  kind: 'sum',
  description: { zh: '各园区数值相加', en: 'sum of the units’ figures' },
  consolidate(input) {
    const cells = reportedCells(input);
    const figures = cells.flatMap((c) =>
      c.value === null ? [] : [{ unit: c.unit, indicator: input.indicator.code, value: c.value }],
    );
    const contributing = figures.map((f) => f.unit);
    const total: ConsolidatedTotal = { value: null, numerator: null, denominator: null, contributing };
    if (figures.length === 0) return { cells, total: { ...total, reason: 'no_contributors' } };
    const value = sumFigures(input.indicator.code, figures);
    return { cells, total: Number.isFinite(value) ? { ...total, value } : { ...total, reason: 'out_of_range' } };
  },
};
