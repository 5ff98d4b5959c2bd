import type { LockEvent } from './lock-event.js';

/**
 * POST /periods/{period}/lock and /unlock: the period's lock state now, as its latest event, or
 * (unlocking a period never locked) unlocked by nobody.
 */
export type LockResponse = LockEvent | { period: string; locked: false; by: null; at: null };
