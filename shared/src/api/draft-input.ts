import type { ReturnInput } from './return-input.js';

/**
 * PUT /returns/{park}/{period}/draft: the same body as a submission, checked for shape and types
 * only. Figures may be missing or wrong: a draft is work in progress.
 */
export type DraftInput = ReturnInput;
