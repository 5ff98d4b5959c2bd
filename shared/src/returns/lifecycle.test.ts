import { describe, expect, it } from 'vitest';
import type { Actor, ReturnState, Review } from '../api/returns.js';
import type { Park } from '../catalogue/catalogue-schema.js';
import { collectBaselines, computeAcceptedVersion, computePeriodReturns, computeReturnState, type AcceptedReturn, type ReturnStateInput } from './lifecycle.js';

const by: Actor = { id: 'jinshan-reviewer', name: '金山园审核', role: 'reviewer', park: 'jinshan' };
const review = (version: number, decision: Review['decision']): Review => ({
  version,
  decision,
  comment: decision === 'return' ? '请核实' : '',
  by,
  at: '2026-01-10T00:00:00Z',
});

describe('computeAcceptedVersion', () => {
  it.each([
    { name: 'one version, not yet reviewed', latest: 1, reviews: [], version: 1, returned: [] },
    { name: 'one version, approved', latest: 1, reviews: [review(1, 'approve')], version: 1, returned: [] },
    { name: 'one version, returned: none accepted', latest: 1, reviews: [review(1, 'return')], version: null, returned: [1] },
    { name: 'v2 returned: v1 (never reviewed) is read', latest: 2, reviews: [review(2, 'return')], version: 1, returned: [2] },
    { name: 'v1 approved, v2 returned: v1', latest: 2, reviews: [review(1, 'approve'), review(2, 'return')], version: 1, returned: [2] },
    { name: 'v1 returned, v2 not yet reviewed: v2', latest: 2, reviews: [review(1, 'return')], version: 2, returned: [] },
    {
      name: 'v1 returned, v2 returned, v3 approved: v3',
      latest: 3,
      reviews: [review(1, 'return'), review(2, 'return'), review(3, 'approve')],
      version: 3,
      returned: [],
    },
    { name: 'v1 and v2 returned: none accepted', latest: 2, reviews: [review(1, 'return'), review(2, 'return')], version: null, returned: [1, 2] },
    {
      name: 'v1 approved, v2 and v3 returned: v1',
      latest: 3,
      reviews: [review(1, 'approve'), review(2, 'return'), review(3, 'return')],
      version: 1,
      returned: [2, 3],
    },
  ])('$name', ({ latest, reviews, version, returned }) => {
    expect(computeAcceptedVersion(latest, reviews)).toEqual({ version, returned });
  });
});

const reviewer: Actor = { id: 'r', name: 'r', role: 'reviewer', park: 'p' };
const reviewOf = (version: number, decision: Review['decision']): Review => ({ version, decision, comment: '', by: reviewer, at: '2025-02-02T00:00:00.000Z' });
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
  [
    "a newer draft, the version's hash unknown (an older head)",
    { latest: { ...v1, contentHash: null }, draft: draftAt('2025-02-03T00:00:00.000Z', 'h1') },
    'draft',
  ],
  ['a version approved', { latest: v1, reviews: [reviewOf(1, 'approve')] }, 'approved'],
  ['a version returned', { latest: v1, reviews: [reviewOf(1, 'return')] }, 'returned'],
  ['a version approved, then a newer draft', { latest: v1, reviews: [reviewOf(1, 'approve')], draft: draftAt('2025-02-05T00:00:00.000Z') }, 'draft'],
  [
    'a version returned, then the same figures validated again',
    { latest: v1, reviews: [reviewOf(1, 'return')], draft: draftAt('2025-02-05T00:00:00.000Z', 'h1') },
    'returned',
  ],
  ['version 2 after version 1 was returned', { latest: { ...v1, version: 2 }, reviews: [reviewOf(1, 'return')] }, 'submitted'],
];

describe('computeReturnState', () => {
  it.each(CASES)('%s → %s', (_label, input, expected) => {
    expect(computeReturnState({ latest: null, draft: null, reviews: [], due, now: before, ...input })).toBe(expected);
  });
});

describe('collectBaselines', () => {
  const park = { code: 'jinshan', plan: { startYear: 2024, endYear: 2026 } } as Park;
  const accepted = (period: string, values: Record<string, number | null>, baselines: Record<string, number | null> = {}): AcceptedReturn => ({
    park: 'jinshan',
    period,
    accepted: { version: 1, values, baselines, declaredNone: [] },
    returned: [],
  });
  const returnedAll = (period: string): AcceptedReturn => ({ park: 'jinshan', period, accepted: null, returned: [1] });

  it.each([
    ['nothing reported', [], {}],
    ['a baseline reported with a return', [accepted('2024Q1', { a: 5 }, { a: 100 })], { a: 100 }],
    ['the later report wins', [accepted('2024Q1', {}, { a: 100 }), accepted('2024Q2', {}, { a: 110 })], { a: 110 }],
    ['a blank baseline does not erase a known one', [accepted('2024Q1', {}, { a: 100 }), accepted('2024Q2', {}, { a: null })], { a: 100 }],
    ['the annual return for the baseline year is the baseline itself', [accepted('2023', { a: 90, b: null }), accepted('2024Q1', {}, { a: 100 })], { a: 90 }],
    ['a quarter of the baseline year is not', [accepted('2023Q4', { a: 90 })], {}],
    ['a returned (退回) version gives none', [returnedAll('2023'), returnedAll('2024Q1')], {}],
  ] as const)('%s', (_label, returns, expected) => {
    expect(collectBaselines(park, returns)).toEqual(expected);
  });
});

describe('computePeriodReturns', () => {
  it('reads each accepted version and names the returned ones', () => {
    const read: AcceptedReturn[] = [
      { park: 'a', period: '2025', accepted: { version: 2, values: { x: 1 }, baselines: {}, declaredNone: ['y'] }, returned: [3] },
      { park: 'b', period: '2025', accepted: null, returned: [1, 2] },
    ];
    expect(computePeriodReturns(read)).toEqual({
      returns: [{ park: 'a', period: '2025', version: 2, values: { x: 1 }, declaredNone: ['y'] }],
      returned: [
        { park: 'a', version: 3 },
        { park: 'b', version: 1 },
        { park: 'b', version: 2 },
      ],
    });
  });
});
