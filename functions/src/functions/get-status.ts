import { readParkStatus } from '../app/read-park-status.js';
import { resolvePeriod } from '../app/resolve-scope.js';
import { mayAccessPark } from '../auth/permissions.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/status/{period}: each park's state (not_started, draft, submitted, returned,
 * approved, late). The consolidator sees every park; a park's own users see their park only.
 */
export const getStatus = routeHandler('getStatus', 'read_status', async ({ svc, actor, params }) => {
  const period = resolvePeriod(params.period);
  const parks = svc.catalogue.parks.filter((p) => mayAccessPark(actor, p.code));
  const [lock, states] = await Promise.all([svc.store.readLock(period.code), Promise.all(parks.map((p) => readParkStatus(svc, p, period)))]);
  return { status: 200, body: { period: period.code, locked: lock?.locked ?? false, parks: states } };
});

export const registration = registerRoute('getStatus', getStatus);
