import { evaluateTarget } from '../evaluate-target.js';
import type { TargetEvaluation } from '../evaluation-result.js';
import { EVALUATION_CATALOGUE as CAT } from './evaluation-catalogue.js';

/** Evaluates one target of the fixture catalogue, by id, for a year's values (null: no return). */
export function evaluateFixtureTarget(
  id: string,
  year: number,
  values: Record<string, number | null> | null,
  baselines: Record<string, number | null> | null,
  declaredNone: string[] = [],
): TargetEvaluation {
  const target = CAT.targets.find((t) => t.id === id);
  const indicator = CAT.indicators.find((i) => i.code === target?.indicator);
  const park = CAT.parks.find((p) => p.code === target?.park);
  if (!target || !indicator || !park) throw new Error(`no fixture target ${id}`);
  const yearReturn = values === null ? null : { park: park.code, period: String(year), version: 1, values, declaredNone };
  return evaluateTarget({ target, indicator, park, year, yearReturn, baselines });
}
