import { readVersionsCursor, VERSION_PAGE, versionsCursor } from '@zj/shared/api';
import { parkStatusOf } from '../app/read-park-status.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/returns/{park}/{period}: the state, the latest version in full, and a page of the
 * versions (the newest `limit`, or those below the continuation token's) with their reviews and
 * the token of the older ones. Reads the head, one range of versions and one of reviews, however
 * many there are. A return never submitted answers 200 with `latest: null`.
 */
export const getReturn = routeHandler('getReturn', 'read_park', async ({ svc, park, period, query }) => {
  const head = await svc.store.readPeriodHead(park.code, period.code);
  const limit = query.limit ?? VERSION_PAGE.default;
  const latestVersion = head?.latestVersion ?? 0;
  const top = Math.min(latestVersion, (query.continuation ? readVersionsCursor(query.continuation)! : latestVersion + 1) - 1);
  const from = Math.max(1, top - limit + 1);
  const [versions, reviews, latest] = await Promise.all([
    top >= 1 ? svc.store.listVersions(park.code, period.code, { limit, below: top + 1 }, head) : [],
    top >= 1 ? svc.store.listReviews(park.code, period.code, { from, to: top }, head) : [],
    head?.latest ? svc.store.readVersion(park.code, period.code, head.latest.version) : null,
  ]);
  const state = parkStatusOf(svc, park, period, head);
  return {
    status: 200,
    body: {
      park: park.code,
      period: period.code,
      state: state.state,
      due: state.due,
      locked: head?.locked ?? false,
      latest,
      versions,
      reviews,
      next: from > 1 ? versionsCursor(from) : null,
    },
  };
});

export const registration = registerRoute('getReturn', getReturn);
