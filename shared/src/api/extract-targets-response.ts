import type { CandidateTarget } from '../extraction/candidate-target.js';

/** The candidate targets of the text, each mapped onto the catalogue, for a person to confirm. */
export interface ExtractTargetsResponse {
  targets: CandidateTarget[];
}
