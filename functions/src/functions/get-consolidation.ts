import { consolidate } from '@zj/shared';
import { reportingDays } from '@zj/shared/periods';
import { readPeriodReturns } from '../app/read-period-returns.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/consolidation/{period}: the zone's consolidation (汇总) of each park's latest accepted
 * version, naming them, and naming the versions left out because a reviewer returned (退回) them.
 */
export const getConsolidation = routeHandler('getConsolidation', 'read_zone', async ({ svc, params }) => {
  const period = resolvePeriod(params.period);
  const { returns, returned } = await readPeriodReturns(svc, period.code);
  return { status: 200, body: consolidate(svc.catalogue, period.code, returns, { periodDays: reportingDays(period), returned }) };
});

export const registration = registerRoute('getConsolidation', getConsolidation);
