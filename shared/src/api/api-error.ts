import type { Issue } from '../issues/issue.js';

/** Every 4xx/5xx body of the HTTP API. `code` is stable snake_case. */
export interface ApiErrorBody {
  error: { code: string; message: { zh: string; en: string }; issues?: Issue[] };
}
