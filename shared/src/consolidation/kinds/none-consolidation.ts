import type { ConsolidationBehaviour } from './consolidation-behaviour.js';
import { derivedCells } from './derived-cells.js';
import { reportedCells } from './reported-cells.js';

/**
 * Figures that cannot be added across units (a park's share of its own district, 三大特色产业占全区比重):
 * each unit's value is shown (from its components when the indicator has them), the total is
 * blank with the reason not_additive.
 */
export const NONE_CONSOLIDATION: ConsolidationBehaviour = {
  kind: 'none',
  description: { zh: '不可跨园区汇总', en: 'not additive across units' },
  consolidate(input) {
    return {
      cells: input.indicator.components ? derivedCells(input) : reportedCells(input),
      total: { value: null, numerator: null, denominator: null, contributing: [], reason: 'not_additive' },
    };
  },
};
