import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST_COSTS, SyncBudget } from './sync-budget.js';
import { chunkRows } from './chunk-rows.js';

describe('SyncBudget', () => {
  it('never lets a sync exceed its limit and syncs only when the next command would not fit', async () => {
    const limit = 10_000;
    const base = REQUEST_COSTS.request;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 200 }), async (sizes) => {
        const budget = new SyncBudget({ sync: async () => undefined }, limit);
        for (const size of sizes) await budget.reserve(size);
        if (sizes.length > 0) await budget.flush();
        const b = budget.stats.bytesPerSync;
        expect(b.every((x) => x <= limit)).toBe(true);
        // Each request carries its fixed part once, and every command once.
        expect(b.reduce((x, y) => x + y, 0)).toBe(sizes.reduce((x, y) => x + y, 0) + base * b.length);
        // Two neighbouring syncs could not have been merged.
        for (let i = 1; i < b.length - 1; i++) expect(b[i - 1]! + b[i]! - base).toBeGreaterThan(limit);
      }),
    );
  });

  it('refuses a single command larger than the limit: that is a planning bug', async () => {
    const budget = new SyncBudget({ sync: async () => undefined }, 1000);
    await expect(budget.reserve(1000 - REQUEST_COSTS.request + 1)).rejects.toThrow(/exceeds/);
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
