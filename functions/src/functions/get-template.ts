import { loadTemplate } from '../app/load-template.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/templates/{park}/{period}: the template model; `version` (also the ETag) is its hash. */
export const getTemplate = routeHandler('getTemplate', 'read_park', async ({ svc, park, period }) => {
  const template = await loadTemplate(svc, park, period);
  return { status: 200, body: template, headers: { etag: `"${template.version}"` } };
});

export const registration = registerRoute('getTemplate', getTemplate);
