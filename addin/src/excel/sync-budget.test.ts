import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SyncBudget } from './sync-budget.js';
import { chunkRows } from './chunk-rows.js';

describe('SyncBudget', () => {
  it('never lets a sync exceed its limit and syncs only when the next command would not fit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 200 }), async (sizes) => {
        const sent: number[] = [];
        const budget = new SyncBudget({ sync: async () => void sent.push(0) }, 1000);
        for (const size of sizes) await budget.reserve(size);
        await budget.flush();
        expect(budget.stats.bytesPerSync.every((b) => b <= 1000)).toBe(true);
        expect(budget.stats.bytesPerSync.reduce((a, b) => a + b, 0)).toBe(sizes.reduce((a, b) => a + b, 0));
        // Two neighbouring syncs could not have been merged.
        const b = budget.stats.bytesPerSync;
        for (let i = 1; i < b.length - 1; i++) expect(b[i - 1]! + b[i]!).toBeGreaterThan(1000);
      }),
    );
  });

  it('refuses a single command larger than the limit: that is a planning bug', async () => {
    const budget = new SyncBudget({ sync: async () => undefined }, 100);
    await expect(budget.reserve(101)).rejects.toThrow(/exceeds/);
  });
});

describe('chunkRows', () => {
  it('covers every row once, in order, each piece under the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 50 }), { minLength: 1, maxLength: 5 }), { maxLength: 300 }), (rows) => {
        const chunks = chunkRows(rows, 5, 400);
        expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
        let next = 5;
        for (const c of chunks) {
          expect(c.firstRow).toBe(next);
          next += c.rows.length;
          if (c.rows.length > 1) expect(JSON.stringify(c.rows).length).toBeLessThanOrEqual(400 + c.rows.length * 2);
        }
      }),
    );
  });
});
