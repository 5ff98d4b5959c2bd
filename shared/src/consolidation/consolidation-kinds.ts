import type { ConsolidationKind, Indicator } from '../catalogue/catalogue-schema.js';
import type { ConsolidatedCell, ConsolidatedTotal } from './consolidation-result.js';
import { componentBehaviourOf, computeDerivedValue, computeQuotient, sumFigures, type Figure } from './derived-values.js';

export interface ConsolidationInput {
  indicator: Indicator;
  /** Reporting units in column order. */
  units: readonly string[];
  /** Each unit's values (by indicator code); absent when the unit has no return. */
  valuesByUnit: ReadonlyMap<string, Readonly<Record<string, number | null>>>;
  periodDays: number;
  /** Each unit's indicator codes declared none (无); absent or empty when it declared none. */
  declaredNoneByUnit?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** How one consolidation kind reads each unit's cell and makes the total. */
export interface ConsolidationBehaviour {
  kind: ConsolidationKind;
  description: { zh: string; en: string };
  consolidate(input: ConsolidationInput): { cells: ConsolidatedCell[]; total: ConsolidatedTotal };
}

/** Each unit's reported value of the indicator itself, or why it is blank. */
function reportedCells({ indicator, units, valuesByUnit, declaredNoneByUnit }: ConsolidationInput): ConsolidatedCell[] {
  return units.map((unit) => {
    const values = valuesByUnit.get(unit);
    const value = values?.[indicator.code] ?? null;
    const cell: ConsolidatedCell = { unit, value, numerator: null, denominator: null };
    if (!values) cell.reason = 'no_return';
    else if (value === null) cell.reason = declaredNoneByUnit?.get(unit)?.has(indicator.code) ? 'declared_none' : 'not_reported';
    return cell;
  });
}

/**
 * Each unit's ratio or rate computed from its own components, with the components shown. A
 * ratio whose blank components were all declared none (无) is declared_none: answered, no value.
 */
function derivedCells({ indicator, units, valuesByUnit, periodDays, declaredNoneByUnit }: ConsolidationInput): ConsolidatedCell[] {
  const c = indicator.components;
  const codes = c ? [c.numerator, c.denominator].flatMap((ref) => ('indicator' in ref ? [ref.indicator] : [])) : [];
  return units.map((unit): ConsolidatedCell => {
    const values = valuesByUnit.get(unit);
    if (!values) return { unit, value: null, numerator: null, denominator: null, reason: 'no_return' };
    const cell: ConsolidatedCell = { unit, ...computeDerivedValue(indicator, values, periodDays) };
    const none = declaredNoneByUnit?.get(unit);
    if (cell.reason === 'missing_component' && none) {
      const blank = codes.filter((code) => (values[code] ?? null) === null);
      if (blank.length > 0 && blank.every((code) => none.has(code))) cell.reason = 'declared_none';
    }
    return cell;
  });
}

/** Additive figures (营业收入, 高新技术企业数, 新增…): the total is Σ over the units that reported. */
const SUM_CONSOLIDATION: ConsolidationBehaviour = {
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

/**
 * Ratios and rates (研发经费占营收比重, 劳动生产率, 日均新增科技企业): Σnumerator / Σdenominator × scale
 * over the units that reported both components. Never the average of the units' percentages,
 * which weighs a small park like a large one. A 日均 denominator is the period's days, counted once.
 */
const RATIO_CONSOLIDATION: ConsolidationBehaviour = {
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
