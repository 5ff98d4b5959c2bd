import type { Issue } from '../issues/issue.js';

/** The key an explanation (说明) is filed under: stable across re-validation of the same figures. */
export function issueKey(issue: Pick<Issue, 'code' | 'path'>): string {
  return `${issue.code}@${issue.path}`;
}
