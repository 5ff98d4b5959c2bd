import { DomainError } from '../app/domain-error.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/returns/{park}/{period}/draft: the newest server draft (草稿), or draft_not_found. */
export const getDraft = routeHandler('getDraft', 'read_park', async ({ svc, park, period }) => {
  const draft = await svc.store.readLatestDraft(park.code, period.code);
  if (!draft) throw new DomainError('draft_not_found', { park: park.name, period: period.code });
  return { status: 200, body: draft };
});

export const registration = registerRoute('getDraft', getDraft);
