import { consolidate, evaluateYear, loadCatalogue, rankParks, type Catalogue } from '@zj/shared';
import { makeSampleHistory } from '../src/workbooks/__fixtures__/sample-versions.js';
import type { ConsolidatedWorkbookInput } from '../src/workbooks/write-consolidated-workbook.js';
import type { EvaluationWorkbookInput } from '../src/workbooks/write-evaluation-workbook.js';

/**
 * A catalogue of `parks` parks made from the real one: every indicator as it is, each synthetic
 * park (`<prefix>_01`, …) a copy of a real park with its targets, the real parks taken in turn
 * (or the one `sourceOf` names for each).
 */
export function syntheticCatalogue(parks: number, options: { prefix?: string; sourceOf?: (i: number) => number } = {}): Catalogue {
  const real = loadCatalogue();
  const prefix = options.prefix ?? 'park';
  const copies = Array.from({ length: parks }, (_, i) => {
    const from = real.parks[(options.sourceOf?.(i) ?? i) % real.parks.length]!;
    const code = `${prefix}_${String(i + 1).padStart(2, '0')}`;
    return { from, park: { ...from, code, name: { zh: `${from.name.zh.replace('园', '')}${i + 1}园`, en: `${from.name.en} ${i + 1}` } } };
  });
  return {
    ...real,
    parks: copies.map((c) => c.park),
    targets: copies.flatMap((c) =>
      real.targets.filter((t) => t.park === c.from.code).map((t) => ({ ...t, id: t.id.replace(c.from.code, c.park.code), park: c.park.code })),
    ),
    wordings: [],
  };
}

/**
 * A zone of `parks` parks (syntheticCatalogue), and 示例数据 returns for three years put
 * through the real templates and validation.
 */
export function syntheticZone(parks = 24, years = [2024, 2025, 2026]): { consolidated: ConsolidatedWorkbookInput; evaluation: EvaluationWorkbookInput } {
  const catalogue = syntheticCatalogue(parks);
  const history = makeSampleHistory(catalogue, years);
  const last = years.at(-1)!;
  const of = (period: string) => history.returns.filter((r) => r.period === period);
  const days = (y: number) => (y % 4 === 0 ? 366 : 365);
  const baselines = Object.fromEntries(
    catalogue.parks.map((p) => [
      p.code,
      Object.assign({}, ...history.versions.filter((v) => v.park === p.code).map((v) => v.baselines)) as Record<string, number | null>,
    ]),
  );
  return {
    consolidated: {
      catalogue,
      consolidation: consolidate(catalogue, String(last), of(String(last)), { periodDays: days(last) }),
      lastYear: consolidate(catalogue, String(last - 1), of(String(last - 1)), { periodDays: days(last - 1) }),
      versions: history.versions.filter((v) => v.period === String(last)),
      generatedAt: new Date(0).toISOString(),
    },
    evaluation: {
      catalogue,
      evaluation: evaluateYear(catalogue, last, history.returns, { baselines }),
      rankings: rankParks(catalogue, last, history.returns),
      generatedAt: new Date(0).toISOString(),
    },
  };
}
