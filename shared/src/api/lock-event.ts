import type { Actor } from './actor.js';

/** A period locked or unlocked, by whom and when; kept as a history, never changed. */
export interface LockEvent {
  period: string;
  locked: boolean;
  by: Actor;
  at: string;
}
