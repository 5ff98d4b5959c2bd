import { DomainError } from '../app/domain-error.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/** GET /api/returns/{park}/{period}/versions/{version}: one stored version, exactly as stored. */
export const getReturnVersion = routeHandler('getReturnVersion', 'read_park', async ({ svc, park, period, params }) => {
  if (!/^[1-9]\d{0,5}$/.test(params.version)) throw new DomainError('invalid_version', { version: params.version });
  const version = await svc.store.readVersion(park.code, period.code, Number(params.version));
  if (!version) throw new DomainError('version_not_found', { park: park.name, period: period.code, version: params.version });
  return { status: 200, body: version };
});

export const registration = registerRoute('getReturnVersion', getReturnVersion);
