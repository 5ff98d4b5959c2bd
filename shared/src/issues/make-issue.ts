import { formatMessage } from '../messages/messages.js';
import type { Issue, IssueParams, Severity } from './issue.js';

export function makeIssue(code: string, severity: Severity, path: string, params: IssueParams = {}): Issue {
  return {
    code,
    severity,
    path,
    params,
    message: { zh: formatMessage(code, params, 'zh'), en: formatMessage(code, params, 'en') },
  };
}
