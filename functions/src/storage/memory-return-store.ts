import { canonicalJson, declaredNoneOf, type LockEvent, type Review, type ReturnDraft, type ReturnVersion, type VersionSummary } from '@zj/shared';
import { headAfterReview, headAfterVersion, indexWith, type BaselineIndex } from '@zj/shared/returns';
import { emptyHead } from './heads.js';
import type {
  AppendOutcome,
  DraftOutcome,
  DraftSummary,
  HeadsAndBaselines,
  HeadTags,
  NewVersion,
  PeriodHead,
  ReturnHead,
  ReturnStore,
  ReviewOutcome,
  VersionPage,
} from './return-store.js';
import { BASELINES_STAMP } from './return-store.js';
import { partitionOf } from './storage-keys.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';

/**
 * ReturnStore in memory, with the same append-only contract as AzureReturnStore (a head per
 * park and period, moved by the same rules: shared/src/returns/accepted-head.ts): for unit tests
 * that call handlers directly. One process and no awaits inside a commit, so checking is
 * enough. `down = true` makes every call fail as unreachable storage does.
 */
export class MemoryReturnStore implements ReturnStore {
  down = false;
  private readonly heads = new Map<string, PeriodHead>();
  private readonly indexes = new Map<string, { index: BaselineIndex; etag: string }>();
  private readonly versions = new Map<string, ReturnVersion[]>();
  private readonly keys = new Map<string, { version: number; contentHash: string }>();
  private readonly reviews = new Map<string, Review[]>();
  private readonly lockEvents = new Map<string, LockEvent[]>();
  private readonly drafts = new Map<string, ReturnDraft[]>();
  private readonly uploads = new Map<string, Uint8Array>();
  private readonly documents = new Map<string, Uint8Array>();
  private readonly stamps = new Map<string, string>();
  private etags = 0;

  async readPeriodHead(park: string, period: string): Promise<PeriodHead | null> {
    this.check();
    return structuredClone(this.heads.get(partitionOf(park, period)) ?? null);
  }

  async readHead(park: string, period: string): Promise<ReturnHead | null> {
    const head = await this.readPeriodHead(park, period);
    return head?.latest ? (head as ReturnHead) : null;
  }

  async listHeads(park: string): Promise<PeriodHead[]> {
    this.check();
    return [...this.heads.values()].filter((h) => h.park === park).map((h) => structuredClone(h));
  }

  async readBaselineIndex(park: string): Promise<{ index: BaselineIndex; etag: string | null }> {
    this.check();
    const stored = this.indexes.get(park);
    return stored ? { index: structuredClone(stored.index), etag: stored.etag } : { index: {}, etag: null };
  }

  async readHeadsAndBaselines(park: string, periods: readonly string[]): Promise<HeadsAndBaselines> {
    const heads = await Promise.all(periods.map((p) => this.readPeriodHead(park, p)));
    return { heads, baselines: await this.readBaselineIndex(park) };
  }

  async readHeadTags(park: string, periods: readonly string[], withBaselines: boolean): Promise<HeadTags> {
    this.check();
    return {
      heads: periods.map((p) => this.heads.get(partitionOf(park, p))?.etag ?? null),
      baselines: withBaselines ? (this.indexes.get(park)?.etag ?? null) : null,
    };
  }

  async listVersions(park: string, period: string, page?: VersionPage): Promise<VersionSummary[]> {
    this.check();
    const all = (this.versions.get(partitionOf(park, period)) ?? []).map((v) => this.summaryOf(v));
    if (!page) return all;
    const below = all.filter((v) => page.below === undefined || v.version < page.below);
    return below.slice(Math.max(0, below.length - page.limit));
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
      if (used)
        return used.contentHash === incoming.contentHash ? { kind: 'replayed', version: structuredClone(list[used.version - 1]!) } : { kind: 'key_reused' };
    }
    const head = this.heads.get(pk) ?? null;
    if (head?.locked) return { kind: 'locked' };
    const version: ReturnVersion = { ...structuredClone(incoming), version: list.length + 1 };
    this.versions.set(pk, [...list, version]);
    if (idempotencyKey !== null) this.keys.set(`${pk}#${idempotencyKey}`, { version: version.version, contentHash: incoming.contentHash });
    const accepted = headAfterVersion(head, {
      version: version.version,
      values: version.values,
      baselines: version.baselines,
      declaredNone: declaredNoneOf(version),
    });
    const latest = { ...this.summaryOf(version), blob: `memory/${pk}/${version.version}`, idempotencyKey };
    this.move(incoming.park, incoming.period, { ...(head ?? emptyHead(incoming.park, incoming.period)), latest, ...accepted });
    return { kind: 'created', version: structuredClone(version) };
  }

  async appendDraft(draft: ReturnDraft): Promise<DraftOutcome> {
    this.check();
    const pk = partitionOf(draft.park, draft.period);
    const head = this.heads.get(pk) ?? null;
    if (head?.locked) return { kind: 'locked' };
    this.drafts.set(pk, [...(this.drafts.get(pk) ?? []), structuredClone(draft)]);
    const pointer = {
      rowKey: `draft|${this.drafts.get(pk)!.length}`,
      blob: '',
      savedAt: draft.savedAt,
      savedBy: draft.savedBy,
      contentHash: draft.contentHash,
      templateVersion: draft.input.templateVersion,
    };
    this.move(draft.park, draft.period, { ...(head ?? emptyHead(draft.park, draft.period)), draft: pointer });
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

  async appendReview(park: string, period: string, review: Review): Promise<ReviewOutcome> {
    this.check();
    const pk = partitionOf(park, period);
    const head = this.heads.get(pk);
    if (!head?.latest || review.version !== head.latestVersion) return { kind: 'not_latest', latest: head?.latestVersion ?? 0 };
    if (head.latestReview) return { kind: 'reviewed', review: structuredClone(head.latestReview) };
    this.reviews.set(pk, [...(this.reviews.get(pk) ?? []), structuredClone(review)]);
    this.move(park, period, { ...head, ...headAfterReview(head, review) });
    return { kind: 'created' };
  }

  async listReviews(park: string, period: string, versions?: { from: number; to: number }): Promise<Review[]> {
    this.check();
    const all = structuredClone(this.reviews.get(partitionOf(park, period)) ?? []);
    return versions ? all.filter((r) => r.version >= versions.from && r.version <= versions.to) : all;
  }

  async appendLockEvent(event: LockEvent): Promise<void> {
    this.check();
    this.lockEvents.set(event.period, [...(this.lockEvents.get(event.period) ?? []), structuredClone(event)]);
  }

  async writeLockMarker(park: string, event: LockEvent): Promise<'done' | 'conflict'> {
    this.check();
    const head = this.heads.get(partitionOf(park, event.period)) ?? null;
    if ((head?.locked ?? false) !== event.locked) this.move(park, event.period, { ...(head ?? emptyHead(park, event.period)), locked: event.locked });
    return 'done';
  }

  async readLock(period: string): Promise<LockEvent | null> {
    this.check();
    return structuredClone(this.lockEvents.get(period)?.at(-1) ?? null);
  }

  async readChangeStamps(keys: readonly string[]): Promise<Array<string | null>> {
    this.check();
    return keys.map((k) => this.stamps.get(k) ?? null);
  }

  async bumpChangeStamps(period: string, baselines: boolean): Promise<void> {
    this.check();
    this.stamps.set(period, `s${++this.etags}`);
    if (baselines) this.stamps.set(BASELINES_STAMP, `s${++this.etags}`);
  }

  async readCachedDocument(name: string): Promise<Uint8Array | null> {
    this.check();
    return this.documents.get(name)?.slice() ?? null;
  }

  async writeCachedDocument(name: string, bytes: Uint8Array): Promise<void> {
    this.check();
    this.documents.set(name, bytes.slice());
  }

  /** The head's commit: a new ETag, and the park's baselines index follows its accepted version. */
  private move(park: string, period: string, next: Omit<PeriodHead, 'etag'>): void {
    this.heads.set(partitionOf(park, period), { ...structuredClone(next), etag: `m${++this.etags}` });
    const index = indexWith(this.indexes.get(park)?.index ?? {}, period, next.accepted?.baselines ?? null);
    // Like the baselines row in table storage: a new ETag when the index changes.
    const moved = canonicalJson(index) !== canonicalJson(this.indexes.get(park)?.index ?? null);
    if (moved) this.indexes.set(park, { index, etag: `m${++this.etags}` });
    // Like moveHead: the period's change stamp, and the baselines stamp with the baselines row.
    this.stamps.set(period, `s${++this.etags}`);
    if (moved) this.stamps.set(BASELINES_STAMP, `s${++this.etags}`);
  }

  private summaryOf(v: ReturnVersion): VersionSummary {
    return {
      version: v.version,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy,
      contentHash: v.contentHash,
      templateVersion: v.templateVersion,
      errorCount: v.issues.filter((i) => i.severity === 'error').length,
      warningCount: v.issues.filter((i) => i.severity === 'warning').length,
      source: v.source,
    };
  }

  private check(): void {
    if (this.down) throw new StorageUnavailableError('memory store is down');
  }
}
