import type { LockEvent, Review, ReturnDraft, ReturnVersion, VersionSummary } from '@zj/shared';
import type { AppendOutcome, DraftOutcome, DraftSummary, NewVersion, ReturnHead, ReturnStore } from './return-store.js';
import { partitionOf, periodOfPartition } from './storage-keys.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';

/**
 * ReturnStore in memory, with the same append-only contract as AzureReturnStore: for unit tests
 * that call handlers directly. `down = true` makes every call fail as unreachable storage does.
 */
export class MemoryReturnStore implements ReturnStore {
  down = false;
  private readonly versions = new Map<string, ReturnVersion[]>();
  private readonly keys = new Map<string, { version: number; contentHash: string }>();
  private readonly reviews = new Map<string, Review[]>();
  private readonly lockEvents = new Map<string, LockEvent[]>();
  /** Lock markers by partition. One process and no awaits inside a commit: checking is enough. */
  private readonly lockMarkers = new Map<string, boolean>();
  private readonly drafts = new Map<string, ReturnDraft[]>();
  private readonly uploads = new Map<string, Uint8Array>();

  async readHead(park: string, period: string): Promise<ReturnHead | null> {
    this.check();
    const latest = this.versions.get(partitionOf(park, period))?.at(-1);
    return latest ? headOf(latest) : null;
  }

  async listHeads(park: string): Promise<ReturnHead[]> {
    this.check();
    return [...this.versions.values()].flatMap((vs) => (vs[0]?.park === park ? [headOf(vs.at(-1)!)] : []));
  }

  async listVersions(park: string, period: string): Promise<VersionSummary[]> {
    this.check();
    return (this.versions.get(partitionOf(park, period)) ?? []).map((v) => ({
      version: v.version,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy,
      contentHash: v.contentHash,
      templateVersion: v.templateVersion,
      errorCount: v.issues.filter((i) => i.severity === 'error').length,
      warningCount: v.issues.filter((i) => i.severity === 'warning').length,
      source: v.source,
    }));
  }

  async readVersion(park: string, period: string, version: number): Promise<ReturnVersion | null> {
    this.check();
    return structuredClone(this.versions.get(partitionOf(park, period))?.[version - 1] ?? null);
  }

  async findIdempotent(park: string, period: string, key: string) {
    this.check();
    return this.keys.get(`${partitionOf(park, period)}#${key}`) ?? null;
  }

  async appendVersion(incoming: NewVersion, idempotencyKey: string | null): Promise<AppendOutcome> {
    this.check();
    const pk = partitionOf(incoming.park, incoming.period);
    const list = this.versions.get(pk) ?? [];
    if (idempotencyKey !== null) {
      const used = this.keys.get(`${pk}#${idempotencyKey}`);
      if (used) return used.contentHash === incoming.contentHash ? { kind: 'replayed', version: structuredClone(list[used.version - 1]!) } : { kind: 'key_reused' };
    }
    if (this.lockMarkers.get(pk)) return { kind: 'locked' };
    const version: ReturnVersion = { ...structuredClone(incoming), version: list.length + 1 };
    this.versions.set(pk, [...list, version]);
    if (idempotencyKey !== null) this.keys.set(`${pk}#${idempotencyKey}`, { version: version.version, contentHash: incoming.contentHash });
    return { kind: 'created', version: structuredClone(version) };
  }

  async appendDraft(draft: ReturnDraft): Promise<DraftOutcome> {
    this.check();
    const pk = partitionOf(draft.park, draft.period);
    if (this.lockMarkers.get(pk)) return { kind: 'locked' };
    this.drafts.set(pk, [...(this.drafts.get(pk) ?? []), structuredClone(draft)]);
    return { kind: 'created', draft: structuredClone(draft) };
  }

  async readLatestDraft(park: string, period: string): Promise<ReturnDraft | null> {
    this.check();
    return structuredClone(this.drafts.get(partitionOf(park, period))?.at(-1) ?? null);
  }

  async readLatestDraftSummary(park: string, period: string): Promise<DraftSummary | null> {
    const draft = await this.readLatestDraft(park, period);
    return draft ? { savedAt: draft.savedAt, contentHash: draft.contentHash } : null;
  }

  async saveUpload(park: string, period: string, bytes: Uint8Array): Promise<string> {
    this.check();
    const name = `${park}/${period}/${this.uploads.size + 1}`;
    this.uploads.set(name, bytes.slice());
    return name;
  }

  async readUpload(name: string): Promise<Uint8Array | null> {
    this.check();
    return this.uploads.get(name)?.slice() ?? null;
  }

  async appendReview(park: string, period: string, review: Review): Promise<'created' | 'exists'> {
    this.check();
    const pk = partitionOf(park, period);
    const reviews = this.reviews.get(pk) ?? [];
    if (reviews.some((r) => r.version === review.version)) return 'exists';
    this.reviews.set(pk, [...reviews, structuredClone(review)]);
    return 'created';
  }

  async listReviews(park: string, period: string): Promise<Review[]> {
    this.check();
    return structuredClone(this.reviews.get(partitionOf(park, period)) ?? []);
  }

  async listReviewsOfPark(park: string): Promise<Record<string, Review[]>> {
    this.check();
    const prefix = partitionOf(park, '');
    return Object.fromEntries([...this.reviews].filter(([pk]) => pk.startsWith(prefix)).map(([pk, reviews]) => [periodOfPartition(pk), structuredClone(reviews)]));
  }

  async appendLockEvent(event: LockEvent): Promise<void> {
    this.check();
    this.lockEvents.set(event.period, [...(this.lockEvents.get(event.period) ?? []), structuredClone(event)]);
  }

  async writeLockMarker(park: string, event: LockEvent): Promise<'done' | 'conflict'> {
    this.check();
    this.lockMarkers.set(partitionOf(park, event.period), event.locked);
    return 'done';
  }

  async readLock(period: string): Promise<LockEvent | null> {
    this.check();
    return structuredClone(this.lockEvents.get(period)?.at(-1) ?? null);
  }

  private check(): void {
    if (this.down) throw new StorageUnavailableError('memory store is down');
  }
}

function headOf(v: ReturnVersion): ReturnHead {
  return {
    park: v.park,
    period: v.period,
    latestVersion: v.version,
    latestSubmittedAt: v.submittedAt,
    latestContentHash: v.contentHash,
    latestValues: structuredClone(v.values),
    latestBaselines: structuredClone(v.baselines),
    latestDeclaredNone: v.declaredNone ? [...v.declaredNone] : null,
  };
}
