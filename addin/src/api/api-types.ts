import type { Actor, Localized, Park, Review, ReturnState, ReturnVersion, ValidationResult } from '@zj/shared';

/**
 * Response shapes of the HTTP API that have no shared type (functions/src/functions/*.ts):
 * kept here, beside the client, and aligned with the handlers by the browser test.
 */
export interface ParksResponse {
  zone: { code: string; name: Localized };
  parks: Park[];
}

export interface VersionSummary {
  version: number;
  submittedAt: string;
  submittedBy: Actor;
  contentHash: string;
  templateVersion: string;
  errorCount: number;
  warningCount: number;
  source: ReturnVersion['source'];
}

/** GET /returns/{park}/{period} */
export interface ReturnResponse {
  park: string;
  period: string;
  state: ReturnState;
  due: string;
  locked: boolean;
  latest: ReturnVersion | null;
  versions: VersionSummary[];
  reviews: Review[];
}

/** POST /returns/{park}/{period}/validate */
export type ValidateResponse = ValidationResult & { templateVersion: string; stale: boolean; locked: boolean };

export interface ParkStatus {
  park: string;
  state: ReturnState;
  latestVersion: number | null;
  submittedAt: string | null;
  review: Review | null;
  due: string;
}

/** GET /status/{period} */
export interface StatusResponse {
  period: string;
  locked: boolean;
  parks: ParkStatus[];
}

export interface ReviewInput {
  version: number;
  decision: 'approve' | 'return';
  comment: string;
}
