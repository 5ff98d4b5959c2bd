import { resolvePeriod } from '../app/resolve-scope.js';
import { setPeriodLock } from '../app/set-period-lock.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** POST /api/periods/{period}/unlock: accept submissions again (consolidator). */
export const unlockPeriod = routeHandler('unlockPeriod', 'lock', async ({ svc, actor, params }) => ({
  status: 200,
  body: await setPeriodLock(svc, { actor, period: resolvePeriod(params.period), locked: false }),
}));

export const registration = registerRoute('unlockPeriod', unlockPeriod);
