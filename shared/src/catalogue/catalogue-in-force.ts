import type { Catalogue, Park, SupersededPlan, Target } from './catalogue-schema.js';

const VIEWS = new WeakMap<Catalogue, Map<number, Catalogue>>();

/**
 * The catalogue as it governs one year: each park whose plan was replaced after that year (a
 * 征求意见稿 replaced by the adopted plan from 2026) has the plan in force then, its title, period,
 * draft status and targets, instead of the current one. Templates and evaluations of a year read
 * this view, so the evaluation of 2025 compares with the targets valid in 2025 whatever was
 * published since, and a late 2025 return is not made stale by a plan that governs 2026.
 * Everything else (parks, indicators, wordings, the version) is the catalogue's own. Pure; the
 * same catalogue and year give the same object.
 */
export function catalogueInForce(catalogue: Catalogue, year: number): Catalogue {
  if (catalogue.supersededPlans.length === 0) return catalogue;
  let views = VIEWS.get(catalogue);
  if (!views) VIEWS.set(catalogue, (views = new Map()));
  const cached = views.get(year);
  if (cached) return cached;
  const inForce = new Map<string, SupersededPlan>();
  // The earliest replaced plan whose last year is at or after `year` governs it.
  for (const old of catalogue.supersededPlans) {
    if (old.lastYear >= year && !inForce.has(old.park)) inForce.set(old.park, old);
  }
  const view: Catalogue =
    inForce.size === 0
      ? catalogue
      : {
          ...catalogue,
          parks: catalogue.parks.map((park) => planOf(park, inForce.get(park.code))),
          targets: [...catalogue.targets.filter((t) => !inForce.has(t.park)), ...[...inForce.values()].flatMap((old): Target[] => old.targets)],
        };
  views.set(year, view);
  return view;
}

function planOf(park: Park, old: SupersededPlan | undefined): Park {
  if (!old) return park;
  const { seedFile: _seed, planSource: _source, ...rest } = park;
  return { ...rest, ...old.plan };
}
