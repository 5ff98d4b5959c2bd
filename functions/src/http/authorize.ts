import type { HttpRequest } from '@azure/functions';
import type { Actor, Park, Period } from '@zj/shared';
import { assertAllowed, type Action } from '../auth/permissions.js';
import { parkNameOf } from '../app/park-name-of.js';
import { resolvePark, resolvePeriod } from '../app/resolve-scope.js';
import { services, withCurrentCatalogue, type Services } from '../app/services.js';

export interface Authorized {
  svc: Services;
  actor: Actor;
}

export interface AuthorizedPark extends Authorized {
  park: Park;
  period: Period;
}

/** Who calls (401) and whether their role may do this (403), for endpoints not about one park. */
export async function authorize(request: HttpRequest, action: Action): Promise<Authorized> {
  const svc = await withCurrentCatalogue(services());
  const actor = await svc.authenticate(request, svc.catalogue);
  assertAllowed(actor, action);
  return { svc, actor };
}

/**
 * For routes with {park} and {period}: who calls (401), the park (404) and the period (400)
 * exist, and the actor may do this on this park (403). Every park endpoint goes through here.
 */
export async function authorizePark(request: HttpRequest, action: Action): Promise<AuthorizedPark> {
  const svc = await withCurrentCatalogue(services());
  const actor = await svc.authenticate(request, svc.catalogue);
  const park = resolvePark(svc.catalogue, request.params.park ?? '');
  const period = resolvePeriod(request.params.period ?? '');
  assertAllowed(actor, action, park.code, (code) => parkNameOf(svc.catalogue, code));
  return { svc, actor, park, period };
}
