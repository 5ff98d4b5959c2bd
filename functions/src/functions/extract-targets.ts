import type { HttpRequest } from '@azure/functions';
import { extractTargets, makeIssue, type ExtractTargetsRequest, type ExtractTargetsResponse, type Issue } from '@zj/shared';
import { authorize } from '../app/authorize.js';
import { ApiError } from '../http/api-error.js';
import { jsonResponse } from '../http/json-response.js';
import { isObject } from '../http/parse-return-input.js';
import { readJsonBody } from '../http/read-json-body.js';
import { registerHttp } from '../http/register-http.js';
import { withApiErrors } from '../http/with-api-errors.js';

/**
 * POST /api/extract: runs the target extractor on a plan text ({ text }) so the consolidator
 * onboards a new or finalised plan without retyping its targets. Stores nothing; answers the
 * candidate targets, each mapped onto the catalogue, for a person to confirm. Consolidator only:
 * the zone-wide action (read_zone) is the one only the consolidator holds.
 */
export const extractTargetsHandler = withApiErrors(async (request: HttpRequest) => {
  const { svc } = await authorize(request, 'read_zone');
  const parsed = parseExtractInput(await readJsonBody(request, svc.settings.maxBodyBytes));
  if (!parsed.ok) throw new ApiError(400, 'invalid_body', {}, parsed.issues);
  const body: ExtractTargetsResponse = { targets: extractTargets(parsed.value.text, svc.catalogue) };
  return jsonResponse(200, body);
});

/** The body must be { text: non-empty string }; everything else is listed as an issue. */
export function parseExtractInput(body: unknown): { ok: true; value: ExtractTargetsRequest } | { ok: false; issues: Issue[] } {
  if (!isObject(body)) return { ok: false, issues: [makeIssue('body_field_invalid', 'error', '(body)', { field: '(body)', expected: 'object' })] };
  const text = body['text'];
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, issues: [makeIssue('body_field_invalid', 'error', 'text', { field: 'text', expected: 'string' })] };
  }
  return { ok: true, value: { text } };
}

export const registration = registerHttp({ name: 'extractTargets', methods: ['POST'], route: 'extract', handler: extractTargetsHandler });
