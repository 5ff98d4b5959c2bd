import { loadCatalogue } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../auth/authenticate.js';
import { readSettings } from '../settings/read-settings.js';
import { MemoryCatalogueStore } from '../storage/memory-catalogue-store.js';
import { MemoryReturnStore } from '../storage/memory-return-store.js';
import { cachedBuild, jsonFormat } from './cached-build.js';
import type { Services } from './services.js';

const catalogue = loadCatalogue();

function services(store = new MemoryReturnStore(), version = catalogue.version): Services {
  const settings = readSettings({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', DEV_TOKEN_SECRET: 'unit-test-secret-0123456789-abcdefghijklmn' });
  const current = { ...catalogue, version };
  return {
    settings,
    catalogue: current,
    catalogues: new MemoryCatalogueStore(current),
    store,
    authenticate: createAuthenticator(settings),
    now: () => new Date('2026-03-01T00:00:00Z'),
  };
}

/** A build that counts its calls and says it read `sources`. */
function counted(sources: unknown) {
  const build = { calls: 0, sources, run: async () => ({ sources: build.sources, value: { built: ++build.calls } }) };
  return build;
}

const FORMAT = jsonFormat<{ built: number }>();
let kinds = 0;
/** Each test its own kind: the process's cache is shared by the whole file. */
const freshKind = () => `test-${process.pid}-${++kinds}`;

describe('cachedBuild: a document served again while what it was built from has not moved', () => {
  it('builds once, then serves what it built while the probe finds the same sources', async () => {
    const svc = services();
    const kind = freshKind();
    const build = counted({ etags: ['a', 'b'] });
    expect(await cachedBuild(svc, kind, FORMAT, { etags: ['a', 'b'] }, build.run)).toEqual({ built: 1 });
    expect(await cachedBuild(svc, kind, FORMAT, { etags: ['a', 'b'] }, build.run)).toEqual({ built: 1 });
    expect(build.calls).toBe(1);
  });

  it('builds anew when the probe finds a row moved', async () => {
    const svc = services();
    const kind = freshKind();
    const build = counted({ etags: ['a', 'b'] });
    await cachedBuild(svc, kind, FORMAT, { etags: ['a', 'b'] }, build.run);
    build.sources = { etags: ['a', 'c'] };
    expect(await cachedBuild(svc, kind, FORMAT, { etags: ['a', 'c'] }, build.run)).toEqual({ built: 2 });
    expect(build.calls).toBe(2);
  });

  it('keeps a document under the sources its build read, not those the probe saw before a row moved', async () => {
    const svc = services();
    const kind = freshKind();
    // The probe saw 'b'; by the time the build read the rows, the second had moved to 'c'.
    const build = counted({ etags: ['a', 'c'] });
    expect(await cachedBuild(svc, kind, FORMAT, { etags: ['a', 'b'] }, build.run)).toEqual({ built: 1 });
    // Asked again with the old probe, nothing is served for it: built again.
    build.sources = { etags: ['a', 'b'] };
    expect(await cachedBuild(svc, kind, FORMAT, { etags: ['a', 'b'] }, build.run)).toEqual({ built: 2 });
    // The document built from 'c' is served to a probe that finds 'c'.
    expect(await cachedBuild(svc, kind, FORMAT, { etags: ['a', 'c'] }, build.run)).toEqual({ built: 1 });
    expect(build.calls).toBe(2);
  });

  it('builds anew for another catalogue version in force, with the same rows', async () => {
    const store = new MemoryReturnStore();
    const kind = freshKind();
    const build = counted({ etags: ['a'] });
    await cachedBuild(services(store, 1), kind, FORMAT, { etags: ['a'] }, build.run);
    expect(await cachedBuild(services(store, 2), kind, FORMAT, { etags: ['a'] }, build.run)).toEqual({ built: 2 });
    expect(await cachedBuild(services(store, 1), kind, FORMAT, { etags: ['a'] }, build.run)).toEqual({ built: 1 });
  });

  it('answers what it built when the cache cannot be written (a cache, not a record)', async () => {
    const store = new MemoryReturnStore();
    const svc = services(store);
    store.writeCachedDocument = () => Promise.reject(new Error('storage refused the write'));
    const build = counted({ etags: ['a'] });
    expect(await cachedBuild(svc, freshKind(), FORMAT, { etags: ['a'] }, build.run)).toEqual({ built: 1 });
  });
});
