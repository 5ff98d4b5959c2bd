import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import type { Catalogue } from '@zj/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCatalogue } from '../bench/synthetic-zone.js';
import { demoUsers } from '../src/auth/demo-users.js';
import { signDevToken } from '../src/auth/dev-tokens.js';
import { startAzurite, type AzuriteHandle } from '../src/local/start-azurite.js';
import { startLocalApi } from '../src/local/start-local-api.js';
import { AzureReturnStore } from '../src/storage/azure-return-store.js';
import { CatalogueStore } from '../src/storage/catalogue-store.js';
import { CATALOGUE_CONTAINER_NAME } from '../src/storage/storage-names.js';
import { startCountingProxy, type CountingProxy, type StorageCall } from './helpers/counting-proxy.js';
import { newVersionFor } from './helpers/stored-version.js';

/**
 * Issue 16's last goals: a zone document asked for again with nothing changed costs the same few
 * storage calls whatever the number of parks (docs/performance.md). Counted by a proxy between
 * the API and a real Azurite, over HTTP, for a zone of 5 parks and one of 25, each with returns
 * of the year, its quarters and the year before.
 */
const SECRET = 'zone-cache-stamps-secret-0123456789-abcdef';
let azurite: AzuriteHandle;
let proxy: CountingProxy;
let location: string;
const describeCall = (c: StorageCall) => `${c.service} ${c.method} ${c.path}`;

beforeAll(async () => {
  location = mkdtempSync(join(tmpdir(), 'zj-stamps-'));
  azurite = await startAzurite({ location });
  proxy = await startCountingProxy(azurite.connectionString);
});
afterAll(async () => {
  await proxy?.close();
  await azurite?.stop();
  rmSync(location, { recursive: true, force: true });
});

/** The storage calls of each download asked for again, nothing changed, in a zone of `parks` parks. */
async function repeatedCalls(parks: number): Promise<Record<string, string[]>> {
  const catalogue = syntheticCatalogue(parks, { prefix: `z${parks}` });
  const storage = { kind: 'connection-string', connectionString: azurite.connectionString } as const;
  // This zone's catalogue, stored as version 1 as a first start seeds it.
  await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(CATALOGUE_CONTAINER_NAME).deleteIfExists();
  await new CatalogueStore(storage, 30_000, () => catalogue).current();
  const store = new AzureReturnStore(storage, 30_000);
  for (const park of catalogue.parks)
    for (const period of ['2024', '2024Q1', '2025Q1', '2025']) {
      const outcome = await store.appendVersion(newVersionFor(catalogue, park.code, period, { note: `${park.code} ${period}` }), null);
      expect(outcome.kind).toBe('created');
    }
  const api = await startLocalApi({
    env: { STORAGE_CONNECTION_STRING: proxy.connectionString, AUTH_MODE: 'dev-token', DEV_TOKEN_SECRET: SECRET, STORAGE_TIMEOUT_MS: '30000' },
  });
  const token = await signDevToken(SECRET, consolidatorOf(catalogue));
  try {
    const counts: Record<string, string[]> = {};
    for (const path of ['/consolidation/2025Q1.xlsx', '/evaluation/2025', '/evaluation/2025.xlsx']) {
      const get = async () => {
        const r = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        expect(r.status, path).toBe(200);
        return Buffer.from(await r.arrayBuffer());
      };
      const first = await get();
      await get();
      proxy.reset();
      const again = await get();
      counts[path] = proxy.calls.map(describeCall);
      // The same document, not a new build.
      if (!path.endsWith('.xlsx')) expect(JSON.parse(again.toString('utf8'))).toEqual(JSON.parse(first.toString('utf8')));
      else expect(again.equals(first)).toBe(true);
    }
    return counts;
  } finally {
    await api.close();
  }
}

function consolidatorOf(catalogue: Catalogue) {
  const user = demoUsers(catalogue).find((u) => u.role === 'consolidator');
  if (!user) throw new Error('no consolidator among the demo users');
  return user;
}

describe('zone documents asked for again with nothing changed: the same few storage calls at 5 parks and at 25', () => {
  let small: Record<string, string[]>;
  let large: Record<string, string[]>;
  beforeAll(async () => {
    small = await repeatedCalls(5);
    large = await repeatedCalls(25);
  }, 240_000);

  it.each(['/consolidation/2025Q1.xlsx', '/evaluation/2025', '/evaluation/2025.xlsx'])(
    '%s: the change stamps, one call (the catalogue head was read within its refresh window)',
    (path) => {
      for (const calls of [small[path]!, large[path]!]) {
        expect(calls, calls.join('\n')).toHaveLength(1);
        expect(
          calls.filter((c) => c.startsWith('table GET /devstoreaccount1/changestamps')),
          calls.join('\n'),
        ).toHaveLength(1);
      }
    },
  );
});
