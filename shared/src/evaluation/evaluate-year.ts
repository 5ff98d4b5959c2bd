import { catalogueInForce } from '../catalogue/catalogue-in-force.js';
import type { Catalogue } from '../catalogue/catalogue-schema.js';
import type { IgnoredReturn } from '../consolidation/consolidation-result.js';
import { computeReturnIndex, type ParkReturnValues, type ReturnSource } from '../consolidation/park-returns.js';
import { evaluateTarget } from './evaluate-target.js';
import type { TargetEvaluation } from './evaluation-result.js';

/** Baselines (基期值) per park per indicator code. */
export type Baselines = Readonly<Record<string, Readonly<Record<string, number | null>>>>;

export interface EvaluateYearOptions {
  baselines: Baselines;
  /**
   * Versions of the year's annual returns, later than the one in `history` (or than none), that a
   * reviewer returned (退回): not read, and listed in `ignored` so the result says why.
   */
  returned?: readonly ReturnSource[];
}

export interface YearEvaluation {
  year: number;
  evaluations: TargetEvaluation[];
  /** The returns read: which version of each park's annual return. */
  sources: ReturnSource[];
  /** Versions not read, and why (reason 'returned'); a park whose versions were all returned is evaluated as not reported (未报送). */
  ignored: IgnoredReturn[];
  /** The catalogue version whose targets were evaluated: each park's plan in force in `year` (catalogueInForce). */
  catalogueVersion: number;
}

/**
 * The annual evaluation (年度评估) of every target of every park whose plan has started by `year`.
 * `history` holds annual returns (period "2025", …; other periods are not read), the latest accepted
 * version of each park per year. A target naming an unknown park or indicator is a catalogue fault: it throws.
 */
export function evaluateYear(current: Catalogue, year: number, history: readonly ParkReturnValues[], options: EvaluateYearOptions): YearEvaluation {
  // The targets valid in `year`: a plan replaced from a later year is still the one evaluated here.
  const catalogue = catalogueInForce(current, year);
  const period = String(year);
  const returns = computeReturnIndex(
    history.filter((r) => r.period === period),
    period,
  );
  const parks = new Map(catalogue.parks.map((p) => [p.code, p]));
  const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const evaluations: TargetEvaluation[] = [];
  for (const target of catalogue.targets) {
    const park = parks.get(target.park);
    const indicator = indicators.get(target.indicator);
    if (!park || !indicator) throw new Error(`target ${target.id} names an unknown park or indicator`);
    if (park.plan.startYear > year) continue;
    evaluations.push(
      evaluateTarget({
        target,
        indicator,
        park,
        year,
        yearReturn: returns.get(park.code) ?? null,
        baselines: options.baselines[park.code] ?? null,
      }),
    );
  }
  const used = new Set(evaluations.map((e) => e.park));
  const sources = [...returns.values()].filter((r) => used.has(r.park)).map((r) => ({ park: r.park, version: r.version }));
  const ignored = (options.returned ?? [])
    .filter((r) => used.has(r.park))
    .map((r): IgnoredReturn => ({ park: r.park, version: r.version, reason: 'returned' }));
  return { year, evaluations, sources, ignored, catalogueVersion: catalogue.version };
}
