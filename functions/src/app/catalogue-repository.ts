import type { Catalogue, OnboardingReview, PlanSource, TargetProposal } from '@zj/shared';
import type { CatalogueChange, CatalogueVersionSummary } from '@zj/shared/api';

/** What a publish found: the new version, or that the catalogue moved since the publisher read it. */
export type PublishOutcome = { kind: 'published'; catalogue: Catalogue } | { kind: 'conflict'; current: number };

/** A plan under review as stored: everything of OnboardingDraft but the text (kept once under source.textBlob) and the issues (computed on reading). */
export interface OnboardingRecord {
  id: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  basedOn: number;
  source: PlanSource;
  proposals: TargetProposal[];
  review: OnboardingReview;
}

/**
 * The catalogue's storage (storage/catalogue-store.ts): its versions, the audit list, the plan
 * texts parks were onboarded from, and the reviews in progress.
 */
export interface CatalogueRepository {
  /** The version in force now. */
  current(): Promise<Catalogue>;
  version(version: number): Promise<Catalogue | null>;
  history(): Promise<CatalogueVersionSummary[]>;
  publish(next: Catalogue, basedOn: number, change: CatalogueChange): Promise<PublishOutcome>;
  savePlanText(hash: string, text: string): Promise<string>;
  readPlanText(name: string): Promise<string | null>;
  saveOnboarding(record: OnboardingRecord): Promise<void>;
  readOnboarding(id: string): Promise<OnboardingRecord | null>;
  deleteOnboarding(id: string): Promise<void>;
}
