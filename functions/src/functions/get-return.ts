import type { HttpRequest } from '@azure/functions';
import type { ReturnResponse } from '@zj/shared';
import { authorizePark } from '../app/authorize.js';
import { readParkStatus } from '../app/read-park-status.js';
import { jsonResponse } from '../http/json-response.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * GET /api/returns/{park}/{period}: the latest version in full, the list of every version, the
 * reviews and the state. A return never submitted answers 200 with `latest: null`.
 */
export const getReturn = withApiErrors(async (request: HttpRequest) => {
  const { svc, park, period } = await authorizePark(request, 'read_park');
  const [versions, reviews, lock, state] = await Promise.all([
    svc.store.listVersions(park.code, period.code),
    svc.store.listReviews(park.code, period.code),
    svc.store.readLock(period.code),
    readParkStatus(svc, park, period),
  ]);
  const last = versions.at(-1);
  const latest = last ? await svc.store.readVersion(park.code, period.code, last.version) : null;
  const body: ReturnResponse = { park: park.code, period: period.code, state: state.state, due: state.due, locked: lock?.locked ?? false, latest, versions, reviews };
  return jsonResponse(200, body);
});

export const registration = registerHttp({ name: 'getReturn', methods: ['GET'], route: 'returns/{park}/{period}', handler: getReturn });
