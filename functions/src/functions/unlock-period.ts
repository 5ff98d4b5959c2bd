import type { HttpRequest } from '@azure/functions';
import { setPeriodLock } from '../app/set-period-lock.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/** POST /api/periods/{period}/unlock: accept submissions again (consolidator). */
export const unlockPeriod = withApiErrors((request: HttpRequest) => setPeriodLock(request, false));

export const registration = registerHttp({ name: 'unlockPeriod', methods: ['POST'], route: 'periods/{period}/unlock', handler: unlockPeriod });
