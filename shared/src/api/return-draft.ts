import type { Actor } from './actor.js';
import type { ReturnInput } from './return-input.js';

/**
 * A server draft (草稿) of a park's return: the figures as the sheet held them when the
 * statistician last validated, complete or not. GET /returns/{park}/{period}/draft answers the
 * newest. Drafts are appended, never overwritten, and are never versions: nothing is submitted.
 */
export interface ReturnDraft {
  park: string;
  period: string;
  savedAt: string; // ISO 8601
  savedBy: Actor;
  /** contentHash of `input`. */
  contentHash: string;
  /** The figures, baselines and explanations exactly as sent (input.templateVersion names the template). */
  input: ReturnInput;
}
