/**
 * Units of measure. Each unit belongs to a dimension and converts to that dimension's canonical
 * unit by a factor (1亿元 = 10000万元; 3.4万人 = 34000人). Counting words of different things
 * (家 enterprises, 件 patents or approvals, 个, 套) are different dimensions: 5家 is never 5件.
 */
export interface UnitDef {
  code: string;
  dimension: string;
  /** Value in the dimension's canonical unit = value × factor. */
  factor: number;
  /** `en` is the English name after any number but 1; `enOne` after exactly 1, where it differs. */
  name: { zh: string; en: string; enOne?: string };
  /** Excel number format for a figure in this unit. */
  numFmt: string;
}

const unit = (code: string, dimension: string, factor: number, en: string, numFmt: string, enOne?: string): UnitDef => ({
  code,
  dimension,
  factor,
  name: enOne === undefined ? { zh: code, en } : { zh: code, en, enOne },
  numFmt,
});

export const UNITS: readonly UnitDef[] = [
  unit('元', 'money', 0.0001, 'yuan', '#,##0.00'),
  unit('万元', 'money', 1, '10k yuan', '#,##0.00'),
  unit('亿元', 'money', 10000, '100M yuan', '#,##0.00'),
  unit('人', 'people', 1, 'persons', '#,##0', 'person'),
  unit('万人', 'people', 10000, '10k persons', '#,##0.00'),
  unit('家', 'enterprises', 1, 'enterprises', '#,##0', 'enterprise'),
  unit('件', 'pieces', 1, 'pieces', '#,##0', 'piece'),
  unit('个', 'items', 1, 'units', '#,##0', 'unit'),
  unit('套', 'sets', 1, 'sets', '#,##0', 'set'),
  unit('平方米', 'area', 1, 'm²', '#,##0'),
  unit('万平方米', 'area', 10000, '10k m²', '#,##0.00'),
  unit('%', 'percent', 1, '%', '0.00'),
  unit('万元/人', 'money_per_person', 1, '10k yuan per person', '#,##0.00'),
  unit('家/日', 'enterprises_per_day', 1, 'enterprises per day', '#,##0.00', 'enterprise per day'),
  unit('天', 'days', 1, 'days', '0', 'day'),
];

const BY_CODE = new Map(UNITS.map((u) => [u.code, u]));

export function findUnit(code: string): UnitDef | undefined {
  return BY_CODE.get(code);
}

/** Canonical unit code of a dimension: the unit with factor 1. */
export function canonicalUnitOf(dimension: string): UnitDef | undefined {
  return UNITS.find((u) => u.dimension === dimension && u.factor === 1);
}
