import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { LockEvent, LockResponse } from '@zj/shared';
import { jsonResponse } from '../http/json-response.js';
import { authorize } from './authorize.js';
import { resolvePeriod } from './resolve-scope.js';

/**
 * Locks or unlocks a period (consolidator). Appends a lock event unless the period is already
 * in that state, so the history says who locked and unlocked when; answers the current state.
 */
export async function setPeriodLock(request: HttpRequest, locked: boolean): Promise<HttpResponseInit> {
  const { svc, actor } = await authorize(request, 'lock');
  const period = resolvePeriod(request.params.period ?? '');
  const current = await svc.store.readLock(period.code);
  if ((current?.locked ?? false) === locked && current !== null) return lockResponse(current);
  if (current === null && !locked) return lockResponse({ period: period.code, locked: false, by: null, at: null });
  const event: LockEvent = { period: period.code, locked, by: actor, at: svc.now().toISOString() };
  await svc.store.appendLockEvent(event);
  return lockResponse(event);
}

function lockResponse(body: LockResponse): HttpResponseInit {
  return jsonResponse(200, body);
}
