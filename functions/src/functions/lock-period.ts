import type { HttpRequest } from '@azure/functions';
import { setPeriodLock } from '../app/set-period-lock.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** POST /api/periods/{period}/lock: no more submissions, uploads or draft saves for the period (consolidator). */
export const lockPeriod = withApiErrors((request: HttpRequest) => setPeriodLock(request, true));

export const registration = registerHttp({ name: 'lockPeriod', methods: ['POST'], route: 'periods/{period}/lock', handler: lockPeriod });
