import type { ValidationResult } from '../rules/validation-result.js';

/** POST /returns/{park}/{period}/validate: the validation, and whether the client's template is stale or the period locked. */
export type ValidateResponse = ValidationResult & {
  /** The server's current template version. */
  templateVersion: string;
  stale: boolean;
  locked: boolean;
};
