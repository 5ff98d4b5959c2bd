import type { ReviewDecision } from './review.js';

/** POST /returns/{park}/{period}/review: only the latest version, once; a return needs a comment. */
export interface ReviewInput {
  version: number;
  decision: ReviewDecision;
  comment: string;
}
