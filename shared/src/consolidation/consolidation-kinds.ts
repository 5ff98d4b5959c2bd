import type { ConsolidationKind, Indicator } from '../catalogue/catalogue-schema.js';
import type { ConsolidatedCell, ConsolidatedTotal } from './consolidation-result.js';
import { componentBehaviourOf, computeDerivedValue, computeQuotient, sumFigures, type Figure } from './derived-values.js';
import type { Answers } from './park-returns.js';

export interface ConsolidationInput {
  indicator: Indicator;
  /** Reporting units in column order. */
  units: readonly string[];
  /** The units asked for the indicator: the others are not_applicable, and add nothing. */
  asked: ReadonlySet<string>;
  /** Each unit's answers (无 read as 0: readAnswers); absent when the unit has no return. */
  answersByUnit: ReadonlyMap<string, Answers>;
  periodDays: number;
}

/** How one consolidation kind reads each unit's cell and makes the total. */
export interface ConsolidationBehaviour {
  kind: ConsolidationKind;
  description: { zh: string; en: string };
  consolidate(input: ConsolidationInput): { cells: ConsolidatedCell[]; total: ConsolidatedTotal };
}

/** Each unit's reported value of the indicator itself (无 as 0, flagged), or why it is blank. */
function reportedCells({ indicator, units, asked, answersByUnit }: ConsolidationInput): ConsolidatedCell[] {
  return units.map((unit) => {
    if (!asked.has(unit)) return { unit, value: null, numerator: null, denominator: null, reason: 'not_applicable' };
    const answers = answersByUnit.get(unit);
    const value = answers?.values[indicator.code] ?? null;
    const cell: ConsolidatedCell = { unit, value, numerator: null, denominator: null };
    if (answers?.none.has(indicator.code)) cell.declaredNone = true;
    if (!answers) cell.reason = 'no_return';
    else if (value === null) cell.reason = 'not_reported';
    return cell;
  });
}

/**
 * Each unit's ratio or rate computed from its own components (a component declared 无 is 0),
 * with the components shown.
 */
function derivedCells({ indicator, units, asked, answersByUnit, periodDays }: ConsolidationInput): ConsolidatedCell[] {
  return units.map((unit): ConsolidatedCell => {
    if (!asked.has(unit)) return { unit, value: null, numerator: null, denominator: null, reason: 'not_applicable' };
    const answers = answersByUnit.get(unit);
    if (!answers) return { unit, value: null, numerator: null, denominator: null, reason: 'no_return' };
    return { unit, ...computeDerivedValue(indicator, answers.values, periodDays) };
  });
}

/** Additive figures (营业收入, 高新技术企业数, 新增…): the total is Σ over the units that reported. */
const SUM_CONSOLIDATION: ConsolidationBehaviour = {
  kind: 'sum',
  description: { zh: '各园区数值相加', en: 'sum of the units’ figures' },
  consolidate(input) {
    const cells = reportedCells(input);
    const figures = cells.flatMap((c) => (c.value === null ? [] : [{ unit: c.unit, indicator: input.indicator.code, value: c.value }]));
    const contributing = figures.map((f) => f.unit);
    const total: ConsolidatedTotal = { value: null, numerator: null, denominator: null, contributing };
    if (figures.length === 0) return { cells, total: { ...total, reason: 'no_contributors' } };
    const value = sumFigures(input.indicator.code, figures);
    return { cells, total: Number.isFinite(value) ? { ...total, value } : { ...total, reason: 'out_of_range' } };
  },
};

/**
 * Ratios and rates (研发经费占营收比重, 劳动生产率, 日均新增科技企业): Σnumerator / Σdenominator × scale
 * over the units that reported both components. Never the average of the units' percentages,
 * which weighs a small park like a large one. A 日均 denominator is the period's days, counted once.
 */
const RATIO_CONSOLIDATION: ConsolidationBehaviour = {
  kind: 'ratio',
  description: { zh: '分子合计 ÷ 分母合计', en: 'Σnumerator ÷ Σdenominator' },
  consolidate(input) {
    const { indicator, units, asked, answersByUnit, periodDays } = input;
    const c = indicator.components;
    const blank = { value: null, numerator: null, denominator: null };
    if (!c) {
      return {
        cells: units.map((unit) => ({ unit, ...blank, reason: asked.has(unit) ? ('no_components' as const) : ('not_applicable' as const) })),
        total: { ...blank, contributing: [], reason: 'no_components' },
      };
    }
    const num = componentBehaviourOf(c.numerator);
    const den = componentBehaviourOf(c.denominator);
    const numerators: Figure[] = [];
    const denominators: Figure[] = [];
    for (const unit of units) {
      if (!asked.has(unit)) continue;
      const values = answersByUnit.get(unit)?.values;
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

/**
 * Figures that cannot be added across units (a park's share of its own district, 三大特色产业占全区比重):
 * each unit's value is shown (from its components when the indicator has them), the total is
 * blank with the reason not_additive.
 */
const NONE_CONSOLIDATION: ConsolidationBehaviour = {
  kind: 'none',
  description: { zh: '不可跨园区汇总', en: 'not additive across units' },
  consolidate(input) {
    return {
      cells: input.indicator.components ? derivedCells(input) : reportedCells(input),
      total: { value: null, numerator: null, denominator: null, contributing: [], reason: 'not_additive' },
    };
  },
};

/** Every consolidation kind of the schema declares its behaviour here; a new kind fails to compile until it does. */
export const CONSOLIDATION_KINDS: Readonly<Record<ConsolidationKind, ConsolidationBehaviour>> = {
  sum: SUM_CONSOLIDATION,
  ratio: RATIO_CONSOLIDATION,
  none: NONE_CONSOLIDATION,
};
