import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue, type Catalogue } from '@zj/shared';
import type { CatalogueChange } from '@zj/shared/api';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../src/local/start-azurite.js';
import { CatalogueStore } from '../src/storage/catalogue-store.js';
import { CATALOGUE_CONTAINER_NAME } from '../src/storage/storage-names.js';

/** The catalogue's storage against a real Azurite: seeding once, append-only versions, the head moved under its ETag. */
let azurite: AzuriteHandle;
let location: string;

beforeAll(async () => {
  location = mkdtempSync(join(tmpdir(), 'zj-catalogue-'));
  azurite = await startAzurite({ location });
});
afterAll(async () => {
  await azurite?.stop();
  rmSync(location, { recursive: true, force: true });
});

/** A store on an account of its own: each test starts from an empty container (one Azurite, containers named apart is not possible, so blobs are cleared). */
async function freshStores(count: number, refreshMs = 0): Promise<CatalogueStore[]> {
  const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
  await blobs.getContainerClient(CATALOGUE_CONTAINER_NAME).deleteIfExists();
  // Azurite refuses to recreate a container being deleted for a moment: wait until it is gone.
  for (let i = 0; i < 50; i++) {
    try {
      await blobs.getContainerClient(CATALOGUE_CONTAINER_NAME).createIfNotExists();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return Array.from(
    { length: count },
    () => new CatalogueStore({ kind: 'connection-string', connectionString: azurite.connectionString }, 5000, loadCatalogue, refreshMs),
  );
}

const change = (reason: string): CatalogueChange => ({
  by: 'zone-consolidator',
  byName: '张江高新区汇总',
  at: new Date().toISOString(),
  reason,
  parks: ['jinshan'],
});
const renamed = (c: Catalogue, zh: string): Catalogue => ({ ...c, parks: c.parks.map((p) => (p.code === 'jinshan' ? { ...p, notes: [...p.notes, zh] } : p)) });

describe('CatalogueStore on Azurite', () => {
  it('four instances starting at once store one version 1, the seeds', async () => {
    const stores = await freshStores(4);
    const read = await Promise.all(stores.map((s) => s.current()));
    expect(read.map((c) => c.version)).toEqual([1, 1, 1, 1]);
    expect(read[0]).toEqual({ ...loadCatalogue(), version: 1 });
    const history = await stores[0]!.history();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1, by: 'system', parks: ['jinshan', 'minhang', 'fengxian', 'jinqiao', 'qingpu'] });
    expect(history[0]!.reason).toContain('初始目录');
  });

  it('two instances publishing from the same version: one version 2, the other told', async () => {
    const [a, b] = await freshStores(2);
    const base = await a!.current();
    await b!.current();
    const outcomes = await Promise.all([a!.publish(renamed(base, 'A'), 1, change('甲')), b!.publish(renamed(base, 'B'), 1, change('乙'))]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['conflict', 'published']);
    const won = outcomes.find((o) => o.kind === 'published')!;
    // Both instances now read the winner's version; the loser wrote nothing.
    for (const s of [a!, b!]) expect(await s.current()).toEqual(won.kind === 'published' ? won.catalogue : null);
    expect((await a!.history()).map((v) => v.version)).toEqual([1, 2]);
  });

  it('keeps every version as published, with who, when and why (Chinese kept)', async () => {
    const [s] = await freshStores(1);
    const v1 = await s!.current();
    const p2 = await s!.publish(renamed(v1, '第二版'), 1, change('新增松江园(松府发〔2025〕8号)'));
    expect(p2.kind).toBe('published');
    const stale = await s!.publish(renamed(v1, 'stale'), 1, change('stale'));
    expect(stale).toEqual({ kind: 'conflict', current: 2 });
    const other = new CatalogueStore({ kind: 'connection-string', connectionString: azurite.connectionString }, 5000);
    expect((await other.version(1))?.parks[0]?.notes).toEqual(v1.parks[0]!.notes);
    expect((await other.version(2))?.parks[0]?.notes.at(-1)).toBe('第二版');
    expect(await other.version(3)).toBeNull();
    expect((await other.history())[1]).toMatchObject({
      version: 2,
      by: 'zone-consolidator',
      byName: '张江高新区汇总',
      reason: '新增松江园(松府发〔2025〕8号)',
    });
  });

  it('a publisher that died after writing its version but before moving the head: the next publisher moves it and is told', async () => {
    const [s] = await freshStores(1);
    const v1 = await s!.current();
    // The dead publisher's version 2, written as publish writes it, with the head left at 1.
    const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(CATALOGUE_CONTAINER_NAME);
    const orphan = { version: 2, change: change('died'), catalogue: { ...renamed(v1, 'died'), version: 2 } };
    const body = JSON.stringify(orphan);
    await blobs.getBlockBlobClient('versions/000002.json').upload(body, Buffer.byteLength(body));
    expect((await s!.current()).version).toBe(1);
    expect(await s!.publish(renamed(v1, 'late'), 1, change('late'))).toEqual({ kind: 'conflict', current: 2 });
    const now = await s!.current();
    expect(now.version).toBe(2);
    expect(now.parks[0]!.notes.at(-1)).toBe('died');
  });

  it('with a refresh window, an instance reads the head again once the window has passed since its last read; the publisher sees its own version at once', async () => {
    const WINDOW = 1500;
    const [reader, publisher] = await freshStores(2, WINDOW);
    const v1 = await reader!.current();
    const readAt = performance.now();
    await publisher!.current();
    const published = await publisher!.publish(renamed(v1, '窗口'), 1, change('窗口内'));
    expect(published.kind).toBe('published');
    // The publisher: at once, inside its own window.
    expect((await publisher!.current()).version).toBe(2);
    // The other instance: still version 1 while its last read is younger than the window ...
    const stale = await reader!.current();
    if (performance.now() - readAt < WINDOW) expect(stale.version).toBe(1);
    // ... and version 2 once it is older.
    await new Promise((r) => setTimeout(r, Math.max(0, readAt + WINDOW + 50 - performance.now())));
    expect((await reader!.current()).version).toBe(2);
    // Publishing reads the head itself, whatever the window: a stale instance is told of the conflict.
    expect(await reader!.publish(renamed(v1, 'late'), 1, change('late'))).toEqual({ kind: 'conflict', current: 2 });
  });
});
