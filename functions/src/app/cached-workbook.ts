import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, type Catalogue } from '@zj/shared';
import { LruCache } from './lru-cache.js';
import type { Services } from './services.js';

/**
 * A built workbook (.xlsx), served from cache when nothing it was built from has changed.
 * `sources` is everything the build read that can change: the ETags of the heads it read (a
 * head moves with every version, review, draft and lock of its return: storage/heads.ts), the
 * period and the time-dependent states. The key adds the catalogue version in force for the
 * request (withCurrentCatalogue: its number, and its content hash, so that two catalogues stored
 * under the same number, as a test or a re-seeded store may have, never share a file) and the
 * code's fingerprint, so that publishing a catalogue version or deploying new code never serves
 * an old file. Cached in blob storage (shared by every instance, ReturnStore.writeCachedWorkbook) and, in
 * front of it, in this process.
 */
export async function cachedWorkbook(svc: Services, kind: string, sources: unknown, build: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const key = `${kind}/${contentHash({ sources, catalogue: { version: svc.catalogue.version, hash: catalogueHash(svc.catalogue) }, code: codeFingerprint() })}.xlsx`;
  const held = recent.get(key);
  if (held) return held;
  const stored = await svc.store.readCachedWorkbook(key);
  if (stored) {
    recent.set(key, stored);
    return stored;
  }
  const built = await build();
  // A cache: a failure to keep the file costs the next download a build, nothing else.
  await svc.store.writeCachedWorkbook(key, built).catch(() => undefined);
  recent.set(key, built);
  return built;
}

/** Recently served workbooks of this process (a zone's workbook is a few hundred kB). */
const recent = new LruCache<string, Uint8Array>(32);

const catalogueHashes = new WeakMap<Catalogue, string>();

/** The content hash of a catalogue, once per catalogue object (the catalogue store keeps one per version). */
function catalogueHash(catalogue: Catalogue): string {
  let hash = catalogueHashes.get(catalogue);
  if (hash === undefined) catalogueHashes.set(catalogue, (hash = contentHash(catalogue)));
  return hash;
}

let fingerprint: string | null = null;

/**
 * A hash of the code that runs: the sources of functions/ and shared/ when run from TypeScript
 * (tests, npm start), the built files when run from a build (a bundle and its chunks). Computed
 * once per process.
 */
export function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  const roots = here.endsWith('.ts') ? [join(dirname(here), '..'), join(dirname(here), '..', '..', '..', 'shared', 'src')] : [basename(dirname(here)) === 'chunks' ? dirname(dirname(here)) : dirname(here)];
  const hash = createHash('sha256');
  for (const root of roots) for (const file of codeFiles(root)) hash.update(file).update(readFileSync(file));
  return (fingerprint = hash.digest('hex').slice(0, 16));
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : codeFiles(path);
      return /\.(ts|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
    })
    .sort();
}
