import type { HttpRequest } from '@azure/functions';
import { consolidate, reportingDays } from '@zj/shared';
import { authorize } from '../app/authorize.js';
import { readPeriodReturns } from '../app/read-period-returns.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import { jsonResponse } from '../http/json-response.js';
import { NOT_A_FILE, registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * GET /api/consolidation/{period}: the zone's consolidation (汇总) of each park's latest accepted
 * version, naming them, and naming the versions left out because a reviewer returned (退回) them.
 */
export const getConsolidation = withApiErrors(async (request: HttpRequest) => {
  const { svc } = await authorize(request, 'read_zone');
  const period = resolvePeriod(request.params.period ?? '');
  const { returns, returned } = await readPeriodReturns(svc, period.code);
  return jsonResponse(200, consolidate(svc.catalogue, period.code, returns, { periodDays: reportingDays(period), returned }));
});

export const registration = registerHttp({
  name: 'getConsolidation',
  methods: ['GET'],
  route: `consolidation/{period:${NOT_A_FILE}}`,
  handler: getConsolidation,
});
