import { loadTemplate } from '../app/load-template.js';
import { ifNoneMatchHits, REVALIDATE } from '../http/not-modified.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * GET /api/templates/{park}/{period}: the template model; `version` (also the ETag) is its hash.
 * 304 when If-None-Match names it (after the same checks of who asks).
 */
export const getTemplate = routeHandler('getTemplate', 'read_park', async ({ request, svc, park, period }) => {
  const template = await loadTemplate(svc, park, period);
  const headers = { etag: `"${template.version}"`, 'cache-control': REVALIDATE };
  if (ifNoneMatchHits(request.headers.get('if-none-match'), headers.etag)) return { status: 304, headers };
  return { status: 200, body: template, headers };
});

export const registration = registerRoute('getTemplate', getTemplate);
