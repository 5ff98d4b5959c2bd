import { findUnit } from '../figures/units.js';

/**
 * The UNITS code a written unit means (万名 → 万人). Plans drop the noun after a magnitude: "3000亿" is 亿元,
 * "人才规模达到6万" is 万人; a bare 万 is read from the indicator (people or money) and left null
 * when neither fits, rather than guessed. "日均新增...30家" is a per-day rate (家/日).
 */
const PEOPLE = /人才|人员|人数|人口|就业|从业|员工|职工|学生|工程师|专家|人$/;
const MONEY = /规模|营收|收入|产值|投资|基金|资金|金额|增加值|税|销售|利润|总额|经费|资本|融资|额$/;

export function inferUnitCode(unit: string, indicator: string): string | null {
  if (unit === '家' && /日均/.test(indicator)) return findUnit('家/日')?.code ?? null;
  // 名 and 位 count people as 人 does (引进人才1万名).
  const direct = findUnit(unit.replace(/[名位]$/, '人'));
  if (direct) return direct.code;
  if (unit === '亿') return findUnit('亿元')?.code ?? null;
  if (unit === '万') {
    if (PEOPLE.test(indicator)) return findUnit('万人')?.code ?? null;
    if (MONEY.test(indicator)) return findUnit('万元')?.code ?? null;
    return null;
  }
  return null;
}
