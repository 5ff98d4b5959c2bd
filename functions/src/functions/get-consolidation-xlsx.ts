import { consolidate, type ReturnVersion } from '@zj/shared';
import { periodOf, reportingDays } from '@zj/shared/periods';
import { readParkStatus } from '../app/read-park-status.js';
import { readPeriodReturns } from '../app/read-period-returns.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import { attachment, registerRoute, routeHandler } from '../http/route-handler.js';
import { writeConsolidatedWorkbook } from '../workbooks/write-consolidated-workbook.js';

/**
 * GET /api/consolidation/{period}.xlsx: the consolidated workbook (汇总表) of the latest accepted
 * versions, with the same period of last year (上年同期) beside each figure, never the previous
 * quarter (docs/domain.md, "Periods and comparisons"), and the versions, explanations and
 * warnings used (and the returned versions left out).
 */
export const getConsolidationXlsx = routeHandler('getConsolidationXlsx', 'read_zone', async ({ svc, params }) => {
  const period = resolvePeriod(params.period);
  const previous = periodOf(period.year - 1, period.quarter);
  const [current, before, states] = await Promise.all([
    readPeriodReturns(svc, period.code),
    readPeriodReturns(svc, previous.code),
    Promise.all(svc.catalogue.parks.map((p) => readParkStatus(svc, p, period))),
  ]);
  const consolidation = consolidate(svc.catalogue, period.code, current.returns, { periodDays: reportingDays(period), returned: current.returned });
  const versions = await Promise.all(consolidation.sources.map((s) => svc.store.readVersion(s.park, period.code, s.version)));
  const body = await writeConsolidatedWorkbook({
    catalogue: svc.catalogue,
    consolidation,
    lastYear: before.returns.length ? consolidate(svc.catalogue, previous.code, before.returns, { periodDays: reportingDays(previous), returned: before.returned }) : null,
    versions: versions.filter((v): v is ReturnVersion => v !== null),
    states: Object.fromEntries(states.map((s) => [s.park, s.state])),
    generatedAt: svc.now().toISOString(),
  });
  return { status: 200, body, headers: attachment(`consolidation-${period.code}.xlsx`, `${svc.catalogue.zone.name.zh}-${period.code}-汇总表.xlsx`) };
});

export const registration = registerRoute('getConsolidationXlsx', getConsolidationXlsx);
