import { consolidate, type ReturnVersion } from '@zj/shared';
import { previousPeriod, reportingDays } from '@zj/shared/periods';
import { cachedWorkbook } from '../app/cached-workbook.js';
import { parkStatusOf } from '../app/read-park-status.js';
import { readPeriodReturns } from '../app/read-period-returns.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import { attachment, registerRoute, routeHandler } from '../http/route-handler.js';
import { writeConsolidatedWorkbook } from '../workbooks/write-consolidated-workbook.js';

/**
 * GET /api/consolidation/{period}.xlsx: the consolidated workbook (汇总表) of the latest accepted
 * versions, with the previous period beside each figure and the versions, explanations and
 * warnings used (and the returned versions left out). Built from the heads of the period and of
 * the previous one; served from cache while none of them has moved and every park's state is
 * the same (app/cached-workbook.ts).
 */
export const getConsolidationXlsx = routeHandler('getConsolidationXlsx', 'read_zone', async ({ svc, params }) => {
  const period = resolvePeriod(params.period);
  const previous = previousPeriod(period);
  const [current, before] = await Promise.all([readPeriodReturns(svc, period.code), readPeriodReturns(svc, previous.code)]);
  const states = svc.catalogue.parks.map((p, i) => parkStatusOf(svc, p, period, current.heads[i] ?? null));
  const sources = { period: period.code, heads: current.heads.map((h) => h?.etag ?? null), previous: before.heads.map((h) => h?.etag ?? null), states: states.map((s) => s.state) };
  const body = await cachedWorkbook(svc, `consolidation-${period.code}`, sources, async () => {
    const consolidation = consolidate(svc.catalogue, period.code, current.returns, { periodDays: reportingDays(period), returned: current.returned });
    // The explanations and warnings of the versions used are in their documents.
    const versions = await Promise.all(consolidation.sources.map((s) => svc.store.readVersion(s.park, period.code, s.version)));
    return writeConsolidatedWorkbook({
      catalogue: svc.catalogue,
      consolidation,
      previous: before.returns.length ? consolidate(svc.catalogue, previous.code, before.returns, { periodDays: reportingDays(previous), returned: before.returned }) : null,
      versions: versions.filter((v): v is ReturnVersion => v !== null),
      states: Object.fromEntries(states.map((s) => [s.park, s.state])),
      generatedAt: svc.now().toISOString(),
    });
  });
  return { status: 200, body, headers: attachment(`consolidation-${period.code}.xlsx`, `${svc.catalogue.zone.name.zh}-${period.code}-汇总表.xlsx`) };
});

export const registration = registerRoute('getConsolidationXlsx', getConsolidationXlsx);
