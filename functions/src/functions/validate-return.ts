import { validateReturn } from '@zj/shared';
import { loadTemplate } from '../app/load-template.js';
import { assertPeriodBegun } from '../app/resolve-scope.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * POST /api/returns/{park}/{period}/validate: figures in, issues out, nothing stored. Validates
 * against the server's current template and says whether the client's template is stale and
 * whether the period is locked, so the client learns before submitting.
 */
export const validateReturnHandler = routeHandler('validateReturn', 'validate', async ({ svc, park, period, body }) => {
  assertPeriodBegun(period, svc.now());
  const [template, lock] = await Promise.all([loadTemplate(svc, park, period), svc.store.readLock(period.code)]);
  const result = validateReturn(template, body);
  return {
    status: 200,
    body: { templateVersion: template.version, stale: body.templateVersion !== template.version, locked: lock?.locked ?? false, ...result },
  };
});

export const registration = registerRoute('validateReturn', validateReturnHandler);
