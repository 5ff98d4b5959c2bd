import { loadCatalogue, type Actor, type Catalogue } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { CatalogueStore } from '../src/storage/catalogue-store.js';
import { call, startHarness, TEST_SECRET, type Harness } from './helpers/harness.js';
import { makeValidReturn } from './helpers/valid-return.js';

/**
 * A lock is written into the head of every park the catalogue had when it was locked
 * (write-lock-markers.ts). A park onboarded later has no head for the period: its submissions and
 * drafts must still be refused, as the lock history says the period is locked.
 */
const PERIOD = '2023Q3';
let h: Harness;
let base: string;
let newPark: string;
let newToken: string;

/** The catalogue in force with one more park, a copy of the first one under its own code. */
function withPark(current: Catalogue, code: string): Catalogue {
  const from = current.parks[0]!;
  return {
    ...current,
    parks: [...current.parks, { ...from, code, name: { zh: '新增测试园', en: 'New test park' } }],
    targets: [...current.targets, ...current.targets.filter((t) => t.park === from.code).map((t) => ({ ...t, id: t.id.replace(from.code, code), park: code }))],
  };
}

beforeAll(async () => {
  // Catalogue versions are published here by another instance (a CatalogueStore of the test's
  // own): the API reads the head on every request, so it sees them at once.
  h = await startHarness({ CATALOGUE_REFRESH_MS: '0' });
  base = h.api.url;
  newPark = 'xinzeng';
  const statistician: Actor = { id: `${newPark}-statistician`, name: '新增园统计员', role: 'statistician', park: newPark };
  newToken = await signDevToken(TEST_SECRET, statistician);
});
afterAll(async () => {
  await h?.stop();
});

describe('a park onboarded after its period was locked', () => {
  it('is refused a submission and a draft of the locked period (423 period_locked), and accepted once it is unlocked', async () => {
    const zone = h.tokens['zone-consolidator']!;
    expect((await call(base, 'lockPeriod', { params: { period: PERIOD }, token: zone })).status).toBe(200);

    const catalogues = new CatalogueStore({ kind: 'connection-string', connectionString: h.azurite.connectionString }, 5000);
    const current = await catalogues.current();
    const published = await catalogues.publish(withPark(current, newPark), current.version, {
      by: 'test',
      byName: '测试',
      at: new Date().toISOString(),
      reason: '新增园区',
      parks: [newPark],
    });
    expect(published.kind).toBe('published');
    expect(loadCatalogue().parks.some((p) => p.code === newPark)).toBe(false);

    const input = await makeValidReturn(base, newToken, newPark, PERIOD);
    const submitted = await call(base, 'submitReturn', { params: { park: newPark, period: PERIOD }, token: newToken, json: input });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(423);
    expect(submitted.error?.code).toBe('period_locked');
    const draft = await call(base, 'saveDraft', { params: { park: newPark, period: PERIOD }, token: newToken, json: input });
    expect(draft.status, JSON.stringify(draft.body)).toBe(423);
    expect(draft.error?.code).toBe('period_locked');

    expect((await call(base, 'unlockPeriod', { params: { period: PERIOD }, token: zone })).status).toBe(200);
    const after = await call(base, 'submitReturn', { params: { park: newPark, period: PERIOD }, token: newToken, json: input });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
  });
});
