import { saveDraft } from '../app/save-draft.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * PUT /api/returns/{park}/{period}/draft: keep the sheet's figures as a server draft (草稿), body
 * as for a submission, checked for shape and types only. Each save is a new draft record (none
 * is overwritten) and never a version. 200 with when and what was saved; period_locked when locked.
 */
export const saveDraftHandler = routeHandler('saveDraft', 'save_draft', async ({ svc, actor, park, period, body }) => {
  const draft = await saveDraft(svc, { actor, park, period, input: body });
  return {
    status: 200,
    body: { savedAt: draft.savedAt, contentHash: draft.contentHash },
    headers: { location: `/api/returns/${park.code}/${period.code}/draft` },
  };
});

export const registration = registerRoute('saveDraft', saveDraftHandler);
