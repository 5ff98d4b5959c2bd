import type { Catalogue, Localized } from '../catalogue/catalogue-schema.js';
import { computeOrgUnits, computeReportingUnits, type OrgUnit } from '../consolidation/org-units.js';
import { computeReturnIndex, readAnswers, type ParkReturnValues, type ReturnSource } from '../consolidation/park-returns.js';
import { isMoreThan } from './comparisons.js';
import { computeDaysInYear, MEASURE_KINDS, type MeasureReading } from './measures.js';

export type RankDirection = 'higher' | 'lower';

/**
 * Competition ranks (1, 2, 2, 4): one plus the number of values strictly better, so ties share a
 * rank and the next rank skips. Values equal up to rounding noise tie. Blank values get no rank.
 */
export function computeRanks(values: readonly (number | null)[], direction: RankDirection): (number | null)[] {
  const better = (a: number, b: number): boolean => (direction === 'higher' ? isMoreThan(a, b) : isMoreThan(b, a));
  const reported = values.filter((v): v is number => v !== null);
  return values.map((v) => (v === null ? null : 1 + reported.filter((o) => better(o, v)).length));
}

export interface RankEntry extends MeasureReading {
  park: string;
  /** 1 is best; tied values share a rank; null when the park did not report (listed last). */
  rank: number | null;
}

export interface ParkRanking {
  indicator: string;
  name: Localized;
  unit: string;
  direction: RankDirection;
  entries: RankEntry[];
}

export interface ParkRankings {
  year: number;
  rankings: ParkRanking[];
  sources: ReturnSource[];
}

export interface RankParksOptions {
  /**
   * Indicators where lower is better. The catalogue schema has no direction field; every common
   * indicator (R&D share, enterprises, patents, incubators, talent, revenue) is higher-is-better.
   */
  direction?: Readonly<Record<string, RankDirection>>;
  units?: OrgUnit[];
}

/**
 * Cross-park comparison of the zone-wide common indicators for one year: each reporting park's
 * value (ratios from their components, read as the measure kind says) and its rank.
 */
export function rankParks(catalogue: Catalogue, year: number, history: readonly ParkReturnValues[], options: RankParksOptions = {}): ParkRankings {
  const period = String(year);
  const returns = computeReturnIndex(
    history.filter((r) => r.period === period),
    period,
  );
  const orgUnits = options.units ?? computeOrgUnits(catalogue);
  const root = orgUnits.find((u) => u.parent === null)?.code ?? catalogue.zone.code;
  const parks = computeReportingUnits(orgUnits, root);
  const days = computeDaysInYear(year);
  const answers = new Map([...returns.values()].map((r) => [r.park, readAnswers(r)]));
  const answersOf = (park: string) => answers.get(park)?.values ?? null;
  const rankings = catalogue.indicators
    .filter((i) => i.common)
    .map((indicator): ParkRanking => {
      const direction = options.direction?.[indicator.code] ?? 'higher';
      const readings = parks.map((park) => ({
        park,
        ...MEASURE_KINDS[indicator.measure].readActual(indicator, answersOf(park), days),
      }));
      const ranks = computeRanks(
        readings.map((r) => r.value),
        direction,
      );
      const entries = readings.map((r, i): RankEntry => ({ ...r, rank: ranks[i] ?? null }));
      const order = (e: RankEntry): number => e.rank ?? Number.MAX_SAFE_INTEGER;
      entries.sort((a, b) => order(a) - order(b)); // stable: ties and blanks keep catalogue order
      return { indicator: indicator.code, name: indicator.name, unit: indicator.unit, direction, entries };
    });
  const sources = parks.flatMap((p) => {
    const r = returns.get(p);
    return r ? [{ park: r.park, version: r.version }] : [];
  });
  return { year, rankings, sources };
}
