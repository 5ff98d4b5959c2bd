import type { Actor, Review } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { computeAcceptedVersion } from './compute-accepted-version.js';

const by: Actor = { id: 'jinshan-reviewer', name: '金山园审核', role: 'reviewer', park: 'jinshan' };
const review = (version: number, decision: Review['decision']): Review => ({ version, decision, comment: decision === 'return' ? '请核实' : '', by, at: '2026-01-10T00:00:00Z' });

describe('computeAcceptedVersion', () => {
  it.each([
    { name: 'one version, not yet reviewed', latest: 1, reviews: [], version: 1, returned: [] },
    { name: 'one version, approved', latest: 1, reviews: [review(1, 'approve')], version: 1, returned: [] },
    { name: 'one version, returned: none accepted', latest: 1, reviews: [review(1, 'return')], version: null, returned: [1] },
    { name: 'v2 returned: v1 (never reviewed) is read', latest: 2, reviews: [review(2, 'return')], version: 1, returned: [2] },
    { name: 'v1 approved, v2 returned: v1', latest: 2, reviews: [review(1, 'approve'), review(2, 'return')], version: 1, returned: [2] },
    { name: 'v1 returned, v2 not yet reviewed: v2', latest: 2, reviews: [review(1, 'return')], version: 2, returned: [] },
    { name: 'v1 returned, v2 returned, v3 approved: v3', latest: 3, reviews: [review(1, 'return'), review(2, 'return'), review(3, 'approve')], version: 3, returned: [] },
    { name: 'v1 and v2 returned: none accepted', latest: 2, reviews: [review(1, 'return'), review(2, 'return')], version: null, returned: [1, 2] },
    { name: 'v1 approved, v2 and v3 returned: v1', latest: 3, reviews: [review(1, 'approve'), review(2, 'return'), review(3, 'return')], version: 1, returned: [2, 3] },
  ])('$name', ({ latest, reviews, version, returned }) => {
    expect(computeAcceptedVersion(latest, reviews)).toEqual({ version, returned });
  });
});
