import { resolvePeriod } from '../app/resolve-scope.js';
import { setPeriodLock } from '../app/set-period-lock.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** POST /api/periods/{period}/lock: no more submissions, uploads or draft saves for the period (consolidator). */
export const lockPeriod = routeHandler('lockPeriod', 'lock', async ({ svc, actor, params }) => ({
  status: 200,
  body: await setPeriodLock(svc, { actor, period: resolvePeriod(params.period), locked: true }),
}));

export const registration = registerRoute('lockPeriod', lockPeriod);
