/**
 * An expected problem, returned as a value (never thrown). The code is stable snake_case and
 * never translated; the text comes from the message tables (messages/), looked up by code with
 * the params filled in. `path` names the field the issue concerns, e.g. "figures.rd_expenditure".
 */
export type Severity = 'error' | 'warning';

export type IssueParams = Record<string, string | number>;

export interface Issue {
  code: string;
  severity: Severity;
  path: string;
  params: IssueParams;
  message: { zh: string; en: string };
}

export type Lang = 'zh' | 'en';
