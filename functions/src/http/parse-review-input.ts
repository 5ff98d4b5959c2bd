import { makeIssue, type Issue, type ReviewInput } from '@zj/shared';
import { isObject, type ParseResult } from './parse-return-input.js';

const MAX_COMMENT_CHARS = 4000;

/** Checks the shape of a review: which version, approve or return, and the comment. */
export function parseReviewInput(body: unknown): ParseResult<ReviewInput> {
  const issues: Issue[] = [];
  const bad = (path: string, expected: string) => issues.push(makeIssue('body_field_invalid', 'error', path, { field: path, expected }));
  if (!isObject(body)) {
    bad('(body)', 'object');
    return { ok: false, issues };
  }
  if (typeof body.version !== 'number' || !Number.isInteger(body.version) || body.version < 1) bad('version', 'integer ≥ 1');
  if (body.decision !== 'approve' && body.decision !== 'return') bad('decision', '"approve" | "return"');
  if (body.comment !== undefined && (typeof body.comment !== 'string' || body.comment.length > MAX_COMMENT_CHARS)) bad('comment', 'string');
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { version: body.version as number, decision: body.decision as ReviewInput['decision'], comment: ((body.comment as string | undefined) ?? '').trim() },
  };
}
