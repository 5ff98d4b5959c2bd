/**
 * @zj/shared/api: the HTTP API's contract — the route table, the schemas and types of the
 * documents it exchanges, and its error codes. Import this subpath rather than the whole library.
 */
export * from './routes.js';
export * from './returns.js';
export * from './documents.js';
export * from './errors.js';
export * from './identity.js';
export * from './catalogue-api.js';
export type { Issue, IssueParams, Lang, Severity } from '../issues/issue.js';
export * from './openapi.js';
export * from './security-headers.js';
