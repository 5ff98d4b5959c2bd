import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, type Catalogue } from '@zj/shared';
import { XLSX_CONTENT_TYPE } from '@zj/shared/api';
import { LruCache } from './lru-cache.js';
import type { Services } from './services.js';

/** How a built document is kept as bytes: an .xlsx as it is, an answer as JSON. */
export interface BuildFormat<T> {
  extension: string;
  contentType: string;
  encode(value: T): Uint8Array;
  decode(bytes: Uint8Array): T;
}

export const XLSX_FORMAT: BuildFormat<Uint8Array> = { extension: 'xlsx', contentType: XLSX_CONTENT_TYPE, encode: (b) => b, decode: (b) => b };

export function jsonFormat<T>(): BuildFormat<T> {
  return {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    encode: (value) => Buffer.from(JSON.stringify(value), 'utf8'),
    decode: (bytes) => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as T,
  };
}

/**
 * A built document (a zone workbook, the evaluation), served from cache when nothing it was
 * built from has changed. Its sources are everything the build reads that can change: the ETags
 * of the rows it read (a head moves with every version, review, draft and lock of its return,
 * and a park's baselines row with its accepted baselines: storage/heads.ts), the period or year
 * and the time-dependent states. The key adds the catalogue version in force for the request
 * (its number, and its content hash, so that two catalogues stored under the same number, as a
 * test or a re-seeded store may have, never share a document) and the code's fingerprint, so
 * that publishing a catalogue version or deploying new code never serves an old one.
 *
 * `probe` is the sources read cheaply (the rows' ETags only: ReturnStore.readHeadTags); when a
 * document is cached under them it is served, and nothing else is read. Otherwise `build` reads
 * the rows in full, builds, and says what it read (`sources`, of the same shape as `probe`): the
 * document is kept under those, so a row that moved between the probe and the build can never
 * leave a document under sources it was not built from. Kept in blob storage (shared by every
 * instance: ReturnStore.writeCachedDocument) and, in front of it, in this process.
 */
export async function cachedBuild<T>(
  svc: Services,
  kind: string,
  format: BuildFormat<T>,
  probe: unknown,
  build: () => Promise<{ sources: unknown; value: T }>,
): Promise<T> {
  const key = keyOf(svc, kind, format, probe);
  const held = recent.get(key);
  if (held !== undefined) return held as T;
  const stored = await svc.store.readCachedDocument(key);
  if (stored) {
    const value = format.decode(stored);
    recent.set(key, value);
    return value;
  }
  const built = await build();
  const builtKey = keyOf(svc, kind, format, built.sources);
  // A cache: a failure to keep the document costs the next download a build, nothing else.
  await svc.store.writeCachedDocument(builtKey, format.encode(built.value), format.contentType).catch(() => undefined);
  recent.set(builtKey, built.value);
  return built.value;
}

function keyOf(svc: Services, kind: string, format: BuildFormat<unknown>, sources: unknown): string {
  return `${kind}/${contentHash({ sources, catalogue: { version: svc.catalogue.version, hash: catalogueHash(svc.catalogue) }, code: codeFingerprint() })}.${format.extension}`;
}

/** Recently served documents of this process (a zone's workbook or evaluation is a few hundred kB). */
const recent = new LruCache<string, unknown>(32);

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
  const roots = here.endsWith('.ts')
    ? [join(dirname(here), '..'), join(dirname(here), '..', '..', '..', 'shared', 'src')]
    : [basename(dirname(here)) === 'chunks' ? dirname(dirname(here)) : dirname(here)];
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
