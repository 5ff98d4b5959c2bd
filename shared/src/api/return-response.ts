import type { ReturnState } from './return-state.js';
import type { ReturnVersion } from './return-version.js';
import type { Review } from './review.js';
import type { VersionSummary } from './version-summary.js';

/** GET /returns/{park}/{period}: the latest version in full, every version listed, the reviews. */
export interface ReturnResponse {
  park: string;
  period: string;
  state: ReturnState;
  /** ISO 8601: the end of the last day the return is on time. */
  due: string;
  locked: boolean;
  /** null when nothing was ever submitted. */
  latest: ReturnVersion | null;
  versions: VersionSummary[];
  /** In the order they were made. */
  reviews: Review[];
}
