import type { ReturnState } from './return-state.js';
import type { Review } from './review.js';

/** One park's state for a period (a row of GET /status/{period}). */
export interface ParkStatus {
  park: string;
  state: ReturnState;
  latestVersion: number | null;
  submittedAt: string | null;
  /** When the newest server draft was saved, if any (the state says whether it is newer than the latest version). */
  draftSavedAt: string | null;
  /** The latest review of the latest version, if any. */
  review: Review | null;
  /** ISO 8601: the end of the last day the return is on time. */
  due: string;
}
