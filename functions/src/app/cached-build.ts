import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, type Catalogue } from '@zj/shared';
import { XLSX_CONTENT_TYPE } from '@zj/shared/api';
import { LruCache } from './lru-cache.js';
import type { Services } from './services.js';

/** How a built document is kept and sent as bytes: an .xlsx as it is, an answer as its JSON. */
export interface BuildFormat<T> {
  extension: string;
  contentType: string;
  encode(value: T): Uint8Array;
}

export const XLSX_FORMAT: BuildFormat<Uint8Array> = { extension: 'xlsx', contentType: XLSX_CONTENT_TYPE, encode: (b) => b };

export function jsonFormat<T>(): BuildFormat<T> {
  return { extension: 'json', contentType: 'application/json; charset=utf-8', encode: (value) => Buffer.from(JSON.stringify(value), 'utf8') };
}

/** What cachedBuild is asked for. */
export interface BuildSpec<T> {
  /** The document's kind and scope (`consolidation-2025Q1`): the first part of its name. */
  kind: string;
  format: BuildFormat<T>;
  /**
   * The change stamps (storage/change-stamps.ts) of every row the document is built from: the
   * periods of the heads it reads, and BASELINES_STAMP when it reads baselines rows.
   */
  stamps: readonly string[];
  /** What the document depends on besides stored rows (the period, whether its due date has passed). */
  context: unknown;
  /** The ETags of the rows the build would read, read cheaply (ReturnStore.readHeadTags). */
  probe: () => Promise<unknown>;
  /** Reads the rows in full, builds, and says what it read (`sources`, of the shape `probe` answers). */
  build: () => Promise<{ sources: unknown; value: T }>;
}

/**
 * How long a document found by its change stamps is served without checking the rows it was
 * built from (below). A test seam sets it (setStampTrustMs).
 */
export const STAMP_TRUST_MS = 60_000;
let stampTrustMs = STAMP_TRUST_MS;

/** Test seam: the trust window of change stamps (null: STAMP_TRUST_MS). */
export function setStampTrustMs(ms: number | null): void {
  stampTrustMs = ms ?? STAMP_TRUST_MS;
}

/**
 * A built document (a zone workbook, the evaluation's JSON), as the bytes it is sent as, served
 * from cache when nothing it was built from has changed.
 *
 * Its sources are everything the build reads that can change: the ETags of the rows it read (a
 * head moves with every version, review, draft and lock of its return, and a park's baselines
 * row with its accepted baselines: storage/heads.ts) and its `context` (the period or year and
 * the time-dependent states). The name it is kept under adds the catalogue version in force for
 * the request (its number, and its content hash, so that two catalogues stored under the same
 * number, as a test or a re-seeded store may have, never share a document) and the code's
 * fingerprint, so that publishing a catalogue version or deploying new code never serves an old one.
 *
 * Three levels, cheapest first:
 *
 * 1. The change stamps (one storage call for the whole zone, whatever its number of parks). This
 *    process remembers which document it last found for the same stamps (with the same context,
 *    catalogue and code) and when it read those stamps: within the trust window it serves that
 *    document and reads nothing else.
 * 2. Otherwise `probe`, the rows' ETags (one query a park): when a document is kept under them it
 *    is served.
 * 3. Otherwise `build` reads the rows in full and builds; the document is kept under the sources
 *    the build read, so a row that moved between the probe and the build never leaves a document
 *    under sources it was not built from.
 *
 * Why level 1 is safe: every commit to a head bumps its period's stamp after the commit
 * (storage/change-stamps.ts). The stamps are read BEFORE the probe, and what is remembered for
 * them is what the probe or the build, both later, found. A commit whose bump landed before the
 * stamps were read was committed before the probe too, so the document remembered includes it;
 * a commit between the stamp read and the probe may be in the document or not, and its bump,
 * landing later, moves the stamp away from what was remembered. Nothing is ever remembered under
 * stamps read after the rows were. What the stamps cannot see is a commit whose bump never
 * lands (its writer died, or the storage refused the bump and the client never retried: a retry
 * bumps again, heads.ts). The trust window bounds that: a remembered document is served at most
 * `stampTrustMs` after the stamps it was found for were read (before the probe), then the rows
 * are checked again; so a commit left without its bump is seen at most that long after it was
 * made. Documents are kept in blob storage (shared by every instance:
 * ReturnStore.writeCachedDocument) and, in front of it, in this process; what was found for
 * which stamps is this process's memory only.
 */
export async function cachedBuild<T>(svc: Services, spec: BuildSpec<T>): Promise<Uint8Array> {
  const { kind, format } = spec;
  // Taken before the stamps are read: the trust window runs from no later than that read. A
  // monotonic clock: a wall clock set back would stretch the window.
  const readAt = performance.now();
  const tags = await svc.store.readChangeStamps(spec.stamps);
  const stampKey = keyOf(svc, kind, format, { stamps: spec.stamps, tags, context: spec.context });
  const trusted = stamped.get(stampKey);
  if (trusted && readAt - trusted.verifiedAt < stampTrustMs) {
    const bytes = await held(svc, trusted.document);
    if (bytes) return bytes;
  }
  const key = keyOf(svc, kind, format, { context: spec.context, sources: await spec.probe() });
  let document = key;
  let bytes = await held(svc, key);
  if (!bytes) {
    const built = await spec.build();
    document = keyOf(svc, kind, format, { context: spec.context, sources: built.sources });
    bytes = format.encode(built.value);
    // A cache: a failure to keep the document costs the next download a build, nothing else.
    await svc.store.writeCachedDocument(document, bytes, format.contentType).catch(() => undefined);
    recent.set(document, bytes);
  }
  // Never replaces what a later stamp read verified (two requests for the same stamps at once).
  const latest = stamped.get(stampKey);
  if (!latest || latest.verifiedAt <= readAt) stamped.set(stampKey, { document, verifiedAt: readAt });
  return bytes;
}

/** A kept document: from this process, else from blob storage (then kept in this process too). */
async function held(svc: Services, key: string): Promise<Uint8Array | null> {
  const recentBytes = recent.get(key);
  if (recentBytes !== undefined) return recentBytes;
  const stored = await svc.store.readCachedDocument(key);
  if (stored) recent.set(key, stored);
  return stored;
}

function keyOf(svc: Services, kind: string, format: BuildFormat<unknown>, sources: unknown): string {
  return `${kind}/${contentHash({ sources, catalogue: { version: svc.catalogue.version, hash: catalogueHash(svc.catalogue) }, code: codeFingerprint() })}.${format.extension}`;
}

/** Recently served documents of this process (a zone's workbook or evaluation is a few hundred kB). */
const recent = new LruCache<string, Uint8Array>(32);

/** Per stamps (and context, catalogue, code): the document last found for them, and when those stamps were read. */
const stamped = new LruCache<string, { document: string; verifiedAt: number }>(128);

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
