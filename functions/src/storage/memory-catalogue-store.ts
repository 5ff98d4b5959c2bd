import { catalogueSchema, loadCatalogue, type Catalogue } from '@zj/shared';
import type { CatalogueChange, CatalogueVersionSummary } from '@zj/shared/api';
import type { CatalogueRepository, OnboardingRecord, PublishOutcome } from '../app/catalogue-repository.js';

/**
 * The catalogue's storage in memory, for handler tests that call functions directly (as
 * MemoryReturnStore is for returns): the same rules as CatalogueStore (version 1 from the seeds,
 * publishing only from the version in force), none of its storage.
 */
export class MemoryCatalogueStore implements CatalogueRepository {
  private readonly versions: Array<{ catalogue: Catalogue; change: CatalogueChange }>;
  private readonly texts = new Map<string, string>();
  private readonly drafts = new Map<string, { record: OnboardingRecord; etag: string }>();
  private saves = 0;

  constructor(seed: Catalogue = loadCatalogue()) {
    const catalogue = catalogueSchema.parse({ ...seed, version: 1 });
    this.versions = [
      { catalogue, change: { by: 'system', byName: 'system', at: new Date(0).toISOString(), reason: 'seed', parks: catalogue.parks.map((p) => p.code) } },
    ];
  }

  async current(): Promise<Catalogue> {
    return this.versions.at(-1)!.catalogue;
  }

  async version(version: number): Promise<Catalogue | null> {
    return this.versions[version - 1]?.catalogue ?? null;
  }

  async history(): Promise<CatalogueVersionSummary[]> {
    return this.versions.map((v, i) => ({ version: i + 1, ...v.change }));
  }

  async publish(next: Catalogue, basedOn: number, change: CatalogueChange): Promise<PublishOutcome> {
    if (basedOn !== this.versions.length) return { kind: 'conflict', current: this.versions.length };
    const catalogue = catalogueSchema.parse({ ...next, version: basedOn + 1 });
    this.versions.push({ catalogue, change });
    return { kind: 'published', catalogue };
  }

  async savePlanText(hash: string, text: string): Promise<string> {
    const name = `plans/${hash}.txt`;
    this.texts.set(name, text);
    return name;
  }

  async readPlanText(name: string): Promise<string | null> {
    return this.texts.get(name) ?? null;
  }

  async saveOnboarding(record: OnboardingRecord, ifMatch: string | null): Promise<string | 'changed'> {
    const held = this.drafts.get(record.id);
    if (ifMatch === null ? held !== undefined : held?.etag !== ifMatch) return 'changed';
    const etag = `"m${++this.saves}"`;
    this.drafts.set(record.id, { record: structuredClone(record), etag });
    return etag;
  }

  async readOnboarding(id: string): Promise<{ record: OnboardingRecord; etag: string } | null> {
    const found = this.drafts.get(id);
    return found ? { record: structuredClone(found.record), etag: found.etag } : null;
  }

  async deleteOnboarding(id: string): Promise<void> {
    this.drafts.delete(id);
  }
}
