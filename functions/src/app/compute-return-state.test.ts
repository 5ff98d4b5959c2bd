import type { Review, ReturnState } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { computeReturnState, type ReturnStateInput } from './compute-return-state.js';

const by = { id: 'r', name: 'r', role: 'reviewer' as const, park: 'p' };
const review = (version: number, decision: Review['decision']): Review => ({ version, decision, comment: '', by, at: '2025-02-02T00:00:00.000Z' });
const v1 = { version: 1, submittedAt: '2025-02-01T10:00:00.000Z', contentHash: 'h1' };
const draftAt = (savedAt: string, contentHash = 'd') => ({ savedAt, contentHash });
const due = new Date('2025-01-31T23:59:59.999Z');
const before = new Date('2025-01-15T00:00:00Z');
const after = new Date('2025-03-01T00:00:00Z');

const CASES: [string, Partial<ReturnStateInput>, ReturnState][] = [
  ['nothing, before the due date', {}, 'not_started'],
  ['nothing, after the due date', { now: after }, 'late'],
  ['a draft and no version', { draft: draftAt('2025-01-10T00:00:00.000Z') }, 'draft'],
  ['a draft and no version, after the due date', { draft: draftAt('2025-01-10T00:00:00.000Z'), now: after }, 'draft'],
  ['a version', { latest: v1 }, 'submitted'],
  ['a draft older than the version', { latest: v1, draft: draftAt('2025-02-01T09:59:59.999Z') }, 'submitted'],
  ['a draft saved in the same millisecond as the version', { latest: v1, draft: draftAt(v1.submittedAt) }, 'submitted'],
  ['a newer draft', { latest: v1, draft: draftAt('2025-02-01T10:00:00.001Z') }, 'draft'],
  ['a newer draft holding what the version holds', { latest: v1, draft: draftAt('2025-02-03T00:00:00.000Z', 'h1') }, 'submitted'],
  ['a newer draft, the version\'s hash unknown (an older head)', { latest: { ...v1, contentHash: null }, draft: draftAt('2025-02-03T00:00:00.000Z', 'h1') }, 'draft'],
  ['a version approved', { latest: v1, reviews: [review(1, 'approve')] }, 'approved'],
  ['a version returned', { latest: v1, reviews: [review(1, 'return')] }, 'returned'],
  ['a version approved, then a newer draft', { latest: v1, reviews: [review(1, 'approve')], draft: draftAt('2025-02-05T00:00:00.000Z') }, 'draft'],
  ['a version returned, then the same figures validated again', { latest: v1, reviews: [review(1, 'return')], draft: draftAt('2025-02-05T00:00:00.000Z', 'h1') }, 'returned'],
  ['version 2 after version 1 was returned', { latest: { ...v1, version: 2 }, reviews: [review(1, 'return')] }, 'submitted'],
];

describe('computeReturnState', () => {
  it.each(CASES)('%s → %s', (_label, input, expected) => {
    expect(computeReturnState({ latest: null, draft: null, reviews: [], due, now: before, ...input })).toBe(expected);
  });
});
