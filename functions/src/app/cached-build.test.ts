import { loadCatalogue } from '@zj/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../auth/authenticate.js';
import { readSettings } from '../settings/read-settings.js';
import { MemoryCatalogueStore } from '../storage/memory-catalogue-store.js';
import { MemoryReturnStore } from '../storage/memory-return-store.js';
import { cachedBuild, jsonFormat, setStampTrustMs } from './cached-build.js';
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

/** Asks for the document; `probe` counts its calls in `probes`. The stamps of period 2025Q1 and the baselines. */
async function ask(svc: Services, kind: string, probe: unknown, build: ReturnType<typeof counted>, probes = { calls: 0 }): Promise<{ built: number }> {
  const bytes = await cachedBuild(svc, {
    kind,
    format: FORMAT,
    stamps: ['2025Q1', 'baselines'],
    context: { period: '2025Q1' },
    probe: async () => {
      probes.calls++;
      return probe;
    },
    build: build.run,
  });
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as { built: number };
}

afterEach(() => setStampTrustMs(null));

describe('cachedBuild: a document served again while what it was built from has not moved', () => {
  it('builds once, then serves what it built while the probe finds the same sources', async () => {
    const svc = services();
    const kind = freshKind();
    const build = counted({ etags: ['a', 'b'] });
    expect(await ask(svc, kind, { etags: ['a', 'b'] }, build)).toEqual({ built: 1 });
    expect(await ask(svc, kind, { etags: ['a', 'b'] }, build)).toEqual({ built: 1 });
    expect(build.calls).toBe(1);
  });

  it('builds anew when the probe finds a row moved', async () => {
    const store = new MemoryReturnStore();
    const svc = services(store);
    const kind = freshKind();
    const build = counted({ etags: ['a', 'b'] });
    await ask(svc, kind, { etags: ['a', 'b'] }, build);
    build.sources = { etags: ['a', 'c'] };
    await store.bumpChangeStamps('2025Q1', false);
    expect(await ask(svc, kind, { etags: ['a', 'c'] }, build)).toEqual({ built: 2 });
    expect(build.calls).toBe(2);
  });

  it('keeps a document under the sources its build read, not those the probe saw before a row moved', async () => {
    const store = new MemoryReturnStore();
    const svc = services(store);
    const kind = freshKind();
    // The probe saw 'b'; by the time the build read the rows, the second had moved to 'c'.
    const build = counted({ etags: ['a', 'c'] });
    expect(await ask(svc, kind, { etags: ['a', 'b'] }, build)).toEqual({ built: 1 });
    // Asked again with the old probe (the stamps moved since), nothing is served for it: built again.
    await store.bumpChangeStamps('2025Q1', false);
    build.sources = { etags: ['a', 'b'] };
    expect(await ask(svc, kind, { etags: ['a', 'b'] }, build)).toEqual({ built: 2 });
    // The document built from 'c' is served to a probe that finds 'c'.
    await store.bumpChangeStamps('2025Q1', false);
    expect(await ask(svc, kind, { etags: ['a', 'c'] }, build)).toEqual({ built: 1 });
    expect(build.calls).toBe(2);
  });

  it('builds anew for another catalogue version in force, with the same rows', async () => {
    const store = new MemoryReturnStore();
    const kind = freshKind();
    const build = counted({ etags: ['a'] });
    await ask(services(store, 1), kind, { etags: ['a'] }, build);
    expect(await ask(services(store, 2), kind, { etags: ['a'] }, build)).toEqual({ built: 2 });
    expect(await ask(services(store, 1), kind, { etags: ['a'] }, build)).toEqual({ built: 1 });
  });

  it('answers what it built when the cache cannot be written (a cache, not a record)', async () => {
    const store = new MemoryReturnStore();
    const svc = services(store);
    store.writeCachedDocument = () => Promise.reject(new Error('storage refused the write'));
    const build = counted({ etags: ['a'] });
    expect(await ask(svc, freshKind(), { etags: ['a'] }, build)).toEqual({ built: 1 });
  });
});

describe('cachedBuild: the change stamps checked first', () => {
  it('serves the document found for the same stamps without probing the rows, within the trust window', async () => {
    const svc = services();
    const kind = freshKind();
    const build = counted({ etags: ['a'] });
    const probes = { calls: 0 };
    await ask(svc, kind, { etags: ['a'] }, build, probes);
    expect(probes.calls).toBe(1);
    // Even were the rows to say otherwise (a commit whose bump never landed), the stamps decide.
    expect(await ask(svc, kind, { etags: ['z'] }, build, probes)).toEqual({ built: 1 });
    expect(probes.calls).toBe(1);
  });

  it('probes the rows again once a stamp moves: a commit of the period, or of a baselines row', async () => {
    const store = new MemoryReturnStore();
    const svc = services(store);
    const kind = freshKind();
    const build = counted({ etags: ['a'] });
    const probes = { calls: 0 };
    await ask(svc, kind, { etags: ['a'] }, build, probes);
    await store.bumpChangeStamps('2025Q1', false);
    await ask(svc, kind, { etags: ['a'] }, build, probes);
    expect(probes.calls).toBe(2);
    await store.bumpChangeStamps('2024Q1', true);
    await ask(svc, kind, { etags: ['a'] }, build, probes);
    expect(probes.calls).toBe(3);
    // Another period's stamp alone is not what this document is built from.
    await store.bumpChangeStamps('2024Q1', false);
    await ask(svc, kind, { etags: ['a'] }, build, probes);
    expect(probes.calls).toBe(3);
    expect(build.calls).toBe(1);
  });

  it('probes the rows again once the trust window has passed, and so sees a commit whose stamp never moved', async () => {
    const svc = services();
    const kind = freshKind();
    const build = counted({ etags: ['a'] });
    const probes = { calls: 0 };
    await ask(svc, kind, { etags: ['a'] }, build, probes);
    setStampTrustMs(0);
    build.sources = { etags: ['b'] };
    expect(await ask(svc, kind, { etags: ['b'] }, build, probes)).toEqual({ built: 2 });
    expect(probes.calls).toBe(2);
  });

  it('remembers a document under the stamps read before the probe: a commit and bump between them leaves nothing under the new stamps', async () => {
    const store = new MemoryReturnStore();
    const svc = services(store);
    const kind = freshKind();
    const build = counted({ etags: ['a'] });
    const probes = { calls: 0 };
    // The probe sees the rows before a commit whose bump lands right after the probe.
    await cachedBuild(svc, {
      kind,
      format: FORMAT,
      stamps: ['2025Q1'],
      context: null,
      probe: async () => {
        probes.calls++;
        await store.bumpChangeStamps('2025Q1', false);
        return { etags: ['a'] };
      },
      build: build.run,
    });
    build.sources = { etags: ['b'] };
    const again = await cachedBuild(svc, {
      kind,
      format: FORMAT,
      stamps: ['2025Q1'],
      context: null,
      probe: async () => {
        probes.calls++;
        return { etags: ['b'] };
      },
      build: build.run,
    });
    expect(JSON.parse(Buffer.from(again).toString('utf8'))).toEqual({ built: 2 });
    expect(probes.calls).toBe(2);
  });

  it('serves the bytes it kept, as they were encoded', async () => {
    const svc = services();
    const kind = freshKind();
    const build = counted({ etags: ['a'] });
    const first = await cachedBuild(svc, { kind, format: FORMAT, stamps: ['2025Q1'], context: null, probe: async () => ({ etags: ['a'] }), build: build.run });
    const second = await cachedBuild(svc, { kind, format: FORMAT, stamps: ['2025Q1'], context: null, probe: async () => ({ etags: ['a'] }), build: build.run });
    expect(second).toBe(first);
  });
});
