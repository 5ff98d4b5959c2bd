import type { HttpRequest } from '@azure/functions';
import type { StatusResponse } from '@zj/shared';
import { authorize } from '../app/authorize.js';
import { readParkStatus } from '../app/read-park-status.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import { mayAccessPark } from '../auth/permissions.js';
import { jsonResponse } from '../http/json-response.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * GET /api/status/{period}: each park's state (not_started, draft, submitted, returned,
 * approved, late). The consolidator sees every park; a park's own users see their park only.
 */
export const getStatus = withApiErrors(async (request: HttpRequest) => {
  const { svc, actor } = await authorize(request, 'read_status');
  const period = resolvePeriod(request.params.period ?? '');
  const parks = svc.catalogue.parks.filter((p) => mayAccessPark(actor, p.code));
  const [lock, states] = await Promise.all([svc.store.readLock(period.code), Promise.all(parks.map((p) => readParkStatus(svc, p, period)))]);
  const body: StatusResponse = { period: period.code, locked: lock?.locked ?? false, parks: states };
  return jsonResponse(200, body);
});

export const registration = registerHttp({ name: 'getStatus', methods: ['GET'], route: 'status/{period}', handler: getStatus });
