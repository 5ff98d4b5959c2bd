import { extractTargets } from '@zj/shared';
import { registerRoute, routeHandler } from '../http/route-handler.js';

/**
 * POST /api/extract: runs the target extractor on a plan text ({ text }) so the consolidator
 * onboards a new or finalised plan without retyping its targets. Stores nothing; answers the
 * target proposals (shared/src/extraction/target-proposal.ts: value and reading, kind, year and
 * where it was found, reasons, confidence, baseline), each mapped onto the catalogue, for a person
 * to confirm. Consolidator only: the zone-wide action (read_zone) is the one only the consolidator holds.
 */
export const extractTargetsHandler = routeHandler('extractTargets', 'read_zone', async ({ svc, body }) => ({
  status: 200,
  body: { targets: extractTargets(body.text, svc.catalogue) },
}));

export const registration = registerRoute('extractTargets', extractTargetsHandler);
