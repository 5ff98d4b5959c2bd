import type { Actor } from './actor.js';

/** 审核通过 (approve) or 退回 (return). */
export type ReviewDecision = 'approve' | 'return';

/** A reviewer's decision on one version (POST /returns/{park}/{period}/review answers it, 201). */
export interface Review {
  version: number;
  decision: ReviewDecision;
  comment: string;
  by: Actor;
  at: string;
}
