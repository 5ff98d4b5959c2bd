import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Review } from '../api/returns.js';
import { headAfterReview, headAfterVersion, returnedAfterAccepted, type AcceptedFigures, type AcceptedHead } from './accepted-head.js';
import { computeAcceptedVersion } from './lifecycle.js';

const by: Actor = { id: 'r', name: 'r', role: 'reviewer', park: 'p' };
const figures = (version: number): AcceptedFigures => ({ version, values: { x: version }, baselines: { x: 100 + version }, declaredNone: [] });

/** A life of one return: each step submits a version, or reviews the latest one if it is not yet reviewed. */
const steps = fc.array(fc.constantFrom('submit', 'approve', 'return'), { maxLength: 40 });

describe('the head moved one step at a time equals what every version and review say', () => {
  it('accepted, fallback and returned, after any sequence of submissions and reviews', () => {
    fc.assert(
      fc.property(steps, (ops) => {
        let head: AcceptedHead | null = null;
        const reviews: Review[] = [];
        for (const op of ops) {
          if (op === 'submit') head = headAfterVersion(head, figures((head?.latestVersion ?? 0) + 1));
          else if (head && head.latestReview === null) {
            const review: Review = { version: head.latestVersion, decision: op, comment: '', by, at: '2026-01-01T00:00:00Z' };
            reviews.push(review);
            head = headAfterReview(head, review);
          }
          if (!head) continue;
          const truth = computeAcceptedVersion(head.latestVersion, reviews);
          expect(head.accepted?.version ?? null).toBe(truth.version);
          if (head.accepted) expect(head.accepted).toEqual(figures(head.accepted.version));
          expect(returnedAfterAccepted(head)).toEqual(truth.returned);
          // The fallback is what returning the latest would make accepted.
          const ifReturned = computeAcceptedVersion(head.latestVersion, [...reviews, { ...reviews[0]!, version: head.latestVersion, decision: 'return' }]);
          expect(head.fallback?.version ?? null).toBe(ifReturned.version);
        }
      }),
    );
  });

  it('refuses, as misuse, a version out of turn and a review of anything but the latest unreviewed version', () => {
    const head = headAfterVersion(null, figures(1));
    expect(() => headAfterVersion(head, figures(3))).toThrow();
    const review: Review = { version: 1, decision: 'approve', comment: '', by, at: '2026-01-01T00:00:00Z' };
    expect(() => headAfterReview(head, { ...review, version: 2 })).toThrow();
    expect(() => headAfterReview(headAfterReview(head, review), review)).toThrow();
  });
});
