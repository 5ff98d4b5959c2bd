import { canonicalJson, catalogueSchema, loadCatalogue, type Catalogue } from '@zj/shared';
import { onboardingReviewSchema } from '@zj/shared';
import type { CatalogueChange, CatalogueVersionSummary } from '@zj/shared/api';
import type { ContainerClient } from '@azure/storage-blob';
import type { StorageSettings } from '../settings/read-storage-settings.js';
import { createStorageClients } from './azure-storage.js';
import { isStorageFault } from './is-storage-fault.js';
import { isLostRace } from './lost-race.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';
import { CATALOGUE_CONTAINER_NAME } from './storage-names.js';

import type { CatalogueRepository, OnboardingRecord, PublishOutcome } from '../app/catalogue-repository.js';

/** One stored version as the audit list reads it (also the blob's metadata). */
interface StoredVersion {
  version: number;
  change: CatalogueChange;
  catalogue: Catalogue;
}

const HEAD_BLOB = 'head.json';
const versionBlob = (version: number) => `versions/${String(version).padStart(6, '0')}.json`;

/**
 * The catalogue in Blob Storage, versioned and append-only (docs/catalogue.md, Storage):
 *
 * - `versions/000001.json`, `versions/000002.json`, …: each version as canonical JSON (RFC 8785)
 *   with who, when and why (also the blob's metadata, so the audit list is one listing). A
 *   version blob is created with If-None-Match: * and never written again.
 * - `head.json`: `{ "version": n }`, the version in force, moved only under its ETag (If-Match).
 * - `plans/<sha256>.txt`: the plan texts parks were onboarded from; `onboarding/<id>.json`: the
 *   reviews in progress (onboarding-store.ts).
 *
 * First start: with no head, version 1 is the seeds of seeds/catalogue, created If-None-Match: *,
 * and the head likewise; two instances starting at once both try, one creates each blob and the
 * other reads it, so there is one version 1. Publishing version n+1 creates its blob (the claim:
 * of two publishers from version n one gets 409) and then moves the head from n under its ETag.
 * A publisher that died between the two leaves a complete version blob the head does not name
 * yet; the next publish from n finds it, moves the head to it and answers a conflict, so nothing
 * is half-published and nothing published is lost.
 *
 * Reads are cached by the head's ETag: the small head blob is read at most once a refresh window
 * (`refreshMs`, CATALOGUE_REFRESH_MS) and a version parsed only when the head moved.
 */
export class CatalogueStore implements CatalogueRepository {
  private readonly container: ContainerClient;
  private readyPromise: Promise<void> | null = null;
  private cached: { etag: string; catalogue: Catalogue } | null = null;
  /** When the head behind `cached` was read (performance.now(), taken before the read). */
  private cachedAt = Number.NEGATIVE_INFINITY;
  private readonly versions = new Map<number, Catalogue>();

  constructor(
    settings: StorageSettings,
    private readonly timeoutMs: number,
    private readonly seed: () => Catalogue = loadCatalogue,
    /**
     * How long the version in force, once read, is used without reading the head again
     * (CATALOGUE_REFRESH_MS; 0: read it every time). A version published on another instance
     * is in force here at most this long after; one published here, at once.
     */
    private readonly refreshMs = 0,
  ) {
    this.container = createStorageClients(settings, timeoutMs).blobs.getContainerClient(CATALOGUE_CONTAINER_NAME);
  }

  /** Keeps a plan's text under its hash (plans/<sha256>.txt): the same text is kept once. */
  async savePlanText(hash: string, text: string): Promise<string> {
    await this.ready();
    const name = `plans/${hash}.txt`;
    const bytes = Buffer.from(text, 'utf8');
    try {
      await this.call('save plan text', (abortSignal) =>
        this.container
          .getBlockBlobClient(name)
          .uploadData(bytes, { abortSignal, conditions: { ifNoneMatch: '*' }, blobHTTPHeaders: { blobContentType: 'text/plain; charset=utf-8' } }),
      );
    } catch (error) {
      if (!isLostRace(error)) throw error; // the same text, kept already
    }
    return name;
  }

  async readPlanText(name: string): Promise<string | null> {
    await this.ready();
    return (await this.download(name))?.text ?? null;
  }

  /** Keeps a review in progress (onboarding/<id>.json), replacing the previous save of the same draft. */
  /** Created If-None-Match *, replaced If-Match its ETag: of two reviewers saving from one ETag, one is told (412 from storage). */
  async saveOnboarding(record: OnboardingRecord, ifMatch: string | null): Promise<string | 'changed'> {
    await this.ready();
    const text = canonicalJson(record);
    const conditions = ifMatch === null ? { ifNoneMatch: '*' } : { ifMatch };
    try {
      const answer = await this.call('save onboarding draft', (abortSignal) =>
        this.container
          .getBlockBlobClient(`onboarding/${record.id}.json`)
          .upload(text, Buffer.byteLength(text), { abortSignal, conditions, blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' } }),
      );
      return answer.etag ?? '';
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 412 || status === 409) return 'changed';
      throw error;
    }
  }

  async readOnboarding(id: string): Promise<{ record: OnboardingRecord; etag: string } | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    await this.ready();
    const found = await this.download(`onboarding/${id}.json`);
    if (!found) return null;
    const raw = JSON.parse(found.text) as OnboardingRecord;
    return { record: { ...raw, review: onboardingReviewSchema.parse(raw.review) }, etag: found.etag };
  }

  /** A published draft is removed: its review lives on as the catalogue version. */
  async deleteOnboarding(id: string): Promise<void> {
    await this.ready();
    await this.call('delete onboarding draft', (abortSignal) => this.container.getBlockBlobClient(`onboarding/${id}.json`).deleteIfExists({ abortSignal }));
  }

  async ready(): Promise<void> {
    this.readyPromise ??= this.call('create container', (abortSignal) => this.container.createIfNotExists({ abortSignal }))
      .then(() => undefined)
      .catch((error: unknown) => {
        this.readyPromise = null;
        throw error;
      });
    return this.readyPromise;
  }

  /** The catalogue version in force, seeding version 1 on first use. */
  async current(): Promise<Catalogue> {
    if (this.cached && performance.now() - this.cachedAt < this.refreshMs) return this.cached.catalogue;
    return (await this.readHead()).catalogue;
  }

  /** One version as it was published, or null when there is none of that number. */
  async version(version: number): Promise<Catalogue | null> {
    const known = this.versions.get(version);
    if (known) return known;
    const stored = await this.readVersionBlob(version);
    return stored?.catalogue ?? null;
  }

  /** Every version, oldest first: its number, who published it, when and why. */
  async history(): Promise<CatalogueVersionSummary[]> {
    await this.readHead();
    const list: CatalogueVersionSummary[] = [];
    await this.call('list catalogue versions', async (abortSignal) => {
      for await (const blob of this.container.listBlobsFlat({ prefix: 'versions/', includeMetadata: true, abortSignal })) {
        const m = blob.metadata ?? {};
        const version = Number(/(\d+)\.json$/.exec(blob.name)?.[1]);
        if (!Number.isInteger(version)) continue;
        list.push({
          version,
          by: decode(m.by),
          byName: decode(m.byname),
          at: decode(m.at),
          reason: decode(m.reason),
          parks: decode(m.parks).split(',').filter(Boolean),
        });
      }
    });
    return list.sort((a, b) => a.version - b.version);
  }

  /**
   * Publishes `next` as the version after `basedOn`. A catalogue that moved since (someone else
   * published) is a conflict: nothing is written, the caller reviews against the new version.
   */
  async publish(next: Catalogue, basedOn: number, change: CatalogueChange): Promise<PublishOutcome> {
    const head = await this.readHead();
    if (head.catalogue.version !== basedOn) return { kind: 'conflict', current: head.catalogue.version };
    const version = basedOn + 1;
    const catalogue = catalogueSchema.parse({ ...next, version });
    const created = await this.createVersion({ version, change, catalogue });
    if (!created) {
      // Another publisher claimed this number; if it died before moving the head, move it now.
      await this.moveHead(version, head.etag).catch((error: unknown) => {
        if (!isLostRace(error)) throw error;
      });
      return { kind: 'conflict', current: version };
    }
    try {
      const etag = await this.moveHead(version, head.etag);
      // In force here at once: the window does not hide this instance's own publish.
      this.cached = { etag, catalogue };
      this.cachedAt = performance.now();
    } catch (error) {
      if (!isLostRace(error)) throw error;
      // A publisher that lost the claim to this number may have moved the head to our version
      // first (the roll-forward above): then ours is in force, and published.
      const now = await this.readHead();
      if (now.catalogue.version !== version) return { kind: 'conflict', current: now.catalogue.version };
    }
    this.versions.set(version, catalogue);
    return { kind: 'published', catalogue };
  }

  private async readHead(): Promise<{ etag: string; catalogue: Catalogue }> {
    await this.ready();
    for (let attempt = 0; attempt < 3; attempt++) {
      const readAt = performance.now();
      const head = await this.download(HEAD_BLOB);
      if (head === null) {
        await this.seedFirstVersion();
        continue;
      }
      if (this.cached?.etag === head.etag) {
        this.cachedAt = readAt;
        return this.cached;
      }
      const { version } = JSON.parse(head.text) as { version: number };
      const catalogue = await this.version(version);
      if (!catalogue) throw new Error(`catalogue head names version ${version}, which is not stored`);
      this.cached = { etag: head.etag, catalogue };
      this.cachedAt = readAt;
      return this.cached;
    }
    throw new Error('catalogue head could not be read after seeding it');
  }

  /** Version 1 from the seeds, and the head naming it; whoever comes second reads what the first wrote. */
  private async seedFirstVersion(): Promise<void> {
    const catalogue = catalogueSchema.parse({ ...this.seed(), version: 1 });
    await this.createVersion({
      version: 1,
      change: {
        by: 'system',
        byName: '系统 / system',
        at: new Date().toISOString(),
        reason: '初始目录：五个园区的行动方案（seeds/catalogue） / Initial catalogue: the five parks’ plans (seeds/catalogue)',
        parks: catalogue.parks.map((p) => p.code),
      },
      catalogue,
    });
    try {
      await this.call('create catalogue head', (abortSignal) =>
        this.container.getBlockBlobClient(HEAD_BLOB).upload(JSON.stringify({ version: 1 }), 15, {
          abortSignal,
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'application/json' },
        }),
      );
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }

  /** Creates a version's blob; false when that number exists already. */
  private async createVersion(stored: StoredVersion): Promise<boolean> {
    const bytes = Buffer.from(canonicalJson(stored), 'utf8');
    const { change } = stored;
    try {
      await this.call('create catalogue version', (abortSignal) =>
        this.container.getBlockBlobClient(versionBlob(stored.version)).uploadData(bytes, {
          abortSignal,
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
          metadata: {
            by: encode(change.by),
            byname: encode(change.byName),
            at: encode(change.at),
            reason: encode(change.reason),
            parks: encode(change.parks.join(',')),
          },
        }),
      );
      this.versions.set(stored.version, stored.catalogue);
      return true;
    } catch (error) {
      if (isLostRace(error)) return false;
      throw error;
    }
  }

  /** Moves the head under its ETag; the head's new ETag. */
  private async moveHead(version: number, etag: string): Promise<string> {
    const text = JSON.stringify({ version });
    const answer = await this.call('move catalogue head', (abortSignal) =>
      this.container
        .getBlockBlobClient(HEAD_BLOB)
        .upload(text, Buffer.byteLength(text), { abortSignal, conditions: { ifMatch: etag }, blobHTTPHeaders: { blobContentType: 'application/json' } }),
    );
    return answer.etag ?? '';
  }

  private async readVersionBlob(version: number): Promise<StoredVersion | null> {
    const found = await this.download(versionBlob(version));
    if (!found) return null;
    const raw = JSON.parse(found.text) as StoredVersion;
    const catalogue = catalogueSchema.parse(raw.catalogue);
    this.versions.set(version, catalogue);
    return { ...raw, catalogue };
  }

  private async download(name: string): Promise<{ text: string; etag: string } | null> {
    try {
      return await this.call(`read ${name}`, async (abortSignal) => {
        const blob = this.container.getBlockBlobClient(name);
        const response = await blob.download(0, undefined, { abortSignal });
        const text = await streamText(response.readableStreamBody);
        return { text, etag: response.etag ?? '' };
      });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }

  private async call<T>(what: string, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await fn(AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      if (isStorageFault(error)) throw new StorageUnavailableError(`${what}: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
}

async function streamText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Blob metadata is ASCII: names and reasons in Chinese are kept percent-encoded. */
function encode(value: string): string {
  return encodeURIComponent(value);
}

function decode(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
