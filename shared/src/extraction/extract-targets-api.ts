import type { CandidateTarget } from './candidate-target.js';

/** POST /api/extract: a plan text (行动方案) as the consolidator uploads it, decoded to a string. */
export interface ExtractTargetsRequest {
  text: string;
}

/** The candidate targets of the text, each mapped onto the catalogue, for a person to confirm. */
export interface ExtractTargetsResponse {
  targets: CandidateTarget[];
}
