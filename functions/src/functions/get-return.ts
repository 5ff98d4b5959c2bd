import { readParkStatus } from '../app/read-park-status.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/returns/{park}/{period}: the latest version in full, the list of every version, the
 * reviews and the state. A return never submitted answers 200 with `latest: null`.
 */
export const getReturn = routeHandler('getReturn', 'read_park', async ({ svc, park, period }) => {
  const [versions, reviews, lock, state] = await Promise.all([
    svc.store.listVersions(park.code, period.code),
    svc.store.listReviews(park.code, period.code),
    svc.store.readLock(period.code),
    readParkStatus(svc, park, period),
  ]);
  const last = versions.at(-1);
  const latest = last ? await svc.store.readVersion(park.code, period.code, last.version) : null;
  return { status: 200, body: { park: park.code, period: period.code, state: state.state, due: state.due, locked: lock?.locked ?? false, latest, versions, reviews } };
});

export const registration = registerRoute('getReturn', getReturn);
