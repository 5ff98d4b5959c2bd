import type { Actor, Role } from '@zj/shared';
import { DomainError, type LocalizedParam } from '../app/domain-error.js';
import { ROLE_LABELS } from './role-labels.js';

/** What a request wants to do. Each endpoint names one action; the table below says who may. */
export type Action =
  | 'read_self' // who am I (GET /me)
  | 'read_reference' // parks, catalogue
  | 'read_park' // template, returns and versions of a park
  | 'validate' // check figures, store nothing
  | 'submit' // 报送
  | 'save_draft' // keep a server draft (草稿) of the park's own return
  | 'review' // 审核: approve or return
  | 'read_status' // every park's state for a period (a park role sees its own park only)
  | 'lock' // lock and unlock a period
  | 'read_zone' // consolidation and evaluation across parks
  | 'edit_catalogue'; // onboard a park from its plan, publish a catalogue version

export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  read_self: ['statistician', 'reviewer', 'consolidator'],
  read_reference: ['statistician', 'reviewer', 'consolidator'],
  read_park: ['statistician', 'reviewer', 'consolidator'],
  validate: ['statistician', 'reviewer', 'consolidator'],
  submit: ['statistician'],
  save_draft: ['statistician'],
  review: ['reviewer'],
  read_status: ['statistician', 'reviewer', 'consolidator'],
  lock: ['consolidator'],
  read_zone: ['consolidator'],
  edit_catalogue: ['consolidator'],
};

/** Park roles act on their own park only; the zone consolidator on every park. */
export function mayAccessPark(actor: Actor, park: string): boolean {
  return actor.role === 'consolidator' || actor.park === park;
}

/**
 * Refuses (forbidden_role, forbidden_park) unless the actor's role may do the action, on this park when one is named.
 * `parkName` names parks in the message (金山园 / Jinshan Park); the codes by default.
 */
export function assertAllowed(
  actor: Actor,
  action: Action,
  park?: string,
  parkName: (code: string) => LocalizedParam = (code) => ({ zh: code, en: code }),
): void {
  if (!PERMISSIONS[action].includes(actor.role)) throw new DomainError('forbidden_role', { role: ROLE_LABELS[actor.role] });
  if (park !== undefined && !mayAccessPark(actor, park)) throw new DomainError('forbidden_park', { park: parkName(park), own: parkName(actor.park ?? '') });
}
