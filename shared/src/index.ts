export * from './catalogue/catalogue-schema.js';
export { loadCatalogue } from './catalogue/load-catalogue.js';
export * from './figures/units.js';
export type { Issue, IssueParams, Severity, Lang } from './issues/issue.js';
export { makeIssue } from './issues/make-issue.js';
export { formatMessage, MESSAGE_TABLES } from './messages/messages.js';
