import type { Actor, Catalogue } from '@zj/shared';
import type { Review } from '@zj/shared/api';
import type { ReturnStore } from '../src/storage/return-store.js';
import { newVersionFor } from '../test/helpers/stored-version.js';

/**
 * Stacks of stored returns for the benchmarks, written straight through the store (the same
 * appendVersion and appendReview every submission and review goes through), not over HTTP: what
 * is stored is what the API would have stored for the same versions and reviews, without
 * paying 10,000 template builds and validations to get there.
 */
export interface StackSpec {
  park: string;
  period: string;
  /** Versions to append, each reviewed right after it is stored. */
  versions: number;
  /** The review of version n of `versions` (or none). */
  review: (n: number, of: number) => Review['decision'] | null;
}

const reviewer = (park: string): Actor => ({ id: `${park}-reviewer`, name: `${park}审核`, role: 'reviewer', park });

/** Every version of the stack a valid return of the same figures; each has its own content hash. */
export async function writeStack(store: ReturnStore, catalogue: Catalogue, spec: StackSpec): Promise<void> {
  for (let n = 1; n <= spec.versions; n++) {
    const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    const outcome = await store.appendVersion(newVersionFor(catalogue, spec.park, spec.period, { note: `第${n}份`, at }), null);
    if (outcome.kind !== 'created') throw new Error(`stack ${spec.park}/${spec.period} v${n}: ${outcome.kind}`);
    const decision = spec.review(n, spec.versions);
    if (decision === null) continue;
    const review: Review = { version: outcome.version.version, decision, comment: decision === 'return' ? '请核实' : '', by: reviewer(spec.park), at };
    const stored = await store.appendReview(spec.park, spec.period, review);
    if (stored.kind !== 'created') throw new Error(`stack ${spec.park}/${spec.period} review of v${n}: ${stored.kind}`);
  }
}

/** Writes the stacks, `parallel` at a time (each stack in order: version, review, version, …). */
export async function writeStacks(store: ReturnStore, catalogue: Catalogue, specs: readonly StackSpec[], parallel = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, specs.length) }, async () => {
      while (next < specs.length) await writeStack(store, catalogue, specs[next++]!);
    }),
  );
}

/** The periods of these years, each year's quarters then its annual return: 2022Q1 … 2022, 2023Q1 … */
export function periodsOf(years: readonly number[]): string[] {
  return years.flatMap((y) => [`${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`, String(y)]);
}
