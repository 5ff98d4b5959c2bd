import type { Actor, ReturnResponse, VersionSummary } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { withOlderPage } from './return-pages.js';

const by: Actor = { id: 's', name: '统计员', role: 'statistician', park: 'jinshan' };
const version = (n: number): VersionSummary => ({
  version: n,
  submittedAt: `2026-01-0${n}T00:00:00Z`,
  submittedBy: by,
  contentHash: `h${n}`,
  templateVersion: 't',
  errorCount: 0,
  warningCount: 0,
  source: 'addin',
});
const page = (from: number, to: number, next: string | null): ReturnResponse => ({
  park: 'jinshan',
  period: '2025',
  state: 'returned',
  due: '2026-01-31T15:59:59.999Z',
  locked: false,
  latest: null,
  versions: Array.from({ length: to - from + 1 }, (_, i) => version(from + i)),
  reviews: Array.from({ length: to - from + 1 }, (_, i) => ({
    version: from + i,
    decision: 'return' as const,
    comment: '请核实',
    by,
    at: `2026-01-0${from + i}T01:00:00Z`,
  })),
  next,
});

describe('withOlderPage', () => {
  it('puts the older versions and their reviews before those shown, and takes the older page’s token', () => {
    const shown = withOlderPage(page(4, 6, 'v4'), page(1, 3, null));
    expect(shown.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shown.reviews.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shown.next).toBeNull();
    expect(shown.state).toBe('returned');
  });

  it('never shows a version twice when a page is read again', () => {
    const shown = withOlderPage(page(3, 6, 'v3'), page(2, 4, 'v2'));
    expect(shown.versions.map((v) => v.version)).toEqual([2, 3, 4, 5, 6]);
    expect(shown.reviews.map((r) => r.version)).toEqual([2, 3, 4, 5, 6]);
    expect(shown.next).toBe('v2');
  });
});
