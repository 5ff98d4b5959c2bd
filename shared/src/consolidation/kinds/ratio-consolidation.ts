import { componentBehaviourOf } from '../components/component-behaviour-of.js';
import { computeQuotient } from '../compute-quotient.js';
import type { ConsolidatedTotal } from '../consolidation-result.js';
import type { Figure } from '../figure.js';
import type { ConsolidationBehaviour } from './consolidation-behaviour.js';
import { derivedCells } from './derived-cells.js';

/**
 * Ratios and rates (研发经费占营收比重, 劳动生产率, 日均新增科技企业): Σnumerator / Σdenominator × scale
 * over the units that reported both components. Never the average of the units' percentages,
 * which weighs a small park like a large one. A 日均 denominator is the period's days, counted once.
 */
export const RATIO_CONSOLIDATION: ConsolidationBehaviour = {
  kind: 'ratio',
  description: { zh: '分子合计 ÷ 分母合计', en: 'Σnumerator ÷ Σdenominator' },
  consolidate(input) {
    const { indicator, units, valuesByUnit, periodDays } = input;
    const c = indicator.components;
    const blank = { value: null, numerator: null, denominator: null };
    if (!c) {
      return {
        cells: units.map((unit) => ({ unit, ...blank, reason: 'no_components' as const })),
        total: { ...blank, contributing: [], reason: 'no_components' },
      };
    }
    const num = componentBehaviourOf(c.numerator);
    const den = componentBehaviourOf(c.denominator);
    const numerators: Figure[] = [];
    const denominators: Figure[] = [];
    for (const unit of units) {
      const values = valuesByUnit.get(unit);
      const n = values && num.figureOf(unit, values, periodDays);
      const d = values && den.figureOf(unit, values, periodDays);
      if (n && d) {
        numerators.push(n);
        denominators.push(d);
      }
    }
    const cells = derivedCells(input);
    const contributing = numerators.map((f) => f.unit);
    if (contributing.length === 0) return { cells, total: { ...blank, contributing, reason: 'no_contributors' } };
    const numerator = num.total(numerators, periodDays);
    const denominator = den.total(denominators, periodDays);
    if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
      return { cells, total: { ...blank, contributing, reason: 'out_of_range' } };
    }
    const q = computeQuotient(numerator, denominator, c.scale);
    const total: ConsolidatedTotal = { value: q.value, numerator, denominator, contributing };
    if (q.reason) total.reason = q.reason;
    return { cells, total };
  },
};
