import { createHash, randomUUID } from 'node:crypto';
import { applyOnboarding, checkOnboarding, extractTargets, initialReview, readPlanHeader, type Actor, type OnboardingReview } from '@zj/shared';
import type { OnboardingDraft, PlanUpload, PublishResult } from '@zj/shared/api';
import { readPlanFile } from '../plans/read-plan-file.js';
import type { UploadLimits } from '../workbooks/upload-limits.js';
import type { OnboardingRecord } from './catalogue-repository.js';
import { DomainError } from './domain-error.js';
import type { Services } from './services.js';

/**
 * Onboarding a park from its plan (docs/catalogue.md, Onboarding): the text read and kept, the
 * extractor's proposals, a review draft on the server, and publishing it as a catalogue version.
 */

/** Reads a plan's text into a new draft: its targets proposed against the catalogue in force, the form filled from its head. */
export async function startOnboarding(svc: Services, actor: Actor, upload: PlanUpload): Promise<OnboardingDraft> {
  return start(svc, actor, upload.fileName, formatOf(upload.fileName), upload.text);
}

/**
 * A plan uploaded as a document (.docx, or a PDF with a text layer): its text read here, once,
 * then onboarded as startOnboarding does; what cannot be read is answered with its code.
 */
export async function startOnboardingFromFile(
  svc: Services,
  actor: Actor,
  fileName: string,
  bytes: Uint8Array,
  limits: UploadLimits,
): Promise<OnboardingDraft> {
  const read = await readPlanFile(bytes, fileName, limits);
  if (!read.ok) throw new DomainError(read.code, read.params);
  return start(svc, actor, fileName, read.format, read.text);
}

async function start(svc: Services, actor: Actor, fileName: string, format: 'text' | 'docx' | 'pdf', planText: string): Promise<OnboardingDraft> {
  const text = planText.replace(/^\uFEFF/, '');
  const proposals = extractTargets(text, svc.catalogue);
  if (proposals.length === 0) throw new DomainError('plan_no_targets');
  const now = svc.now();
  const review = initialReview(svc.catalogue, proposals, readPlanHeader(text), now);
  const textHash = createHash('sha256').update(text, 'utf8').digest('hex');
  const textBlob = await svc.catalogues.savePlanText(textHash, text);
  const at = now.toISOString();
  const record: OnboardingRecord = {
    id: randomUUID(),
    createdBy: actor.id,
    createdAt: at,
    updatedBy: actor.id,
    updatedAt: at,
    basedOn: svc.catalogue.version,
    source: { fileName, format, textHash, textBlob },
    proposals,
    review,
  };
  const etag = await svc.catalogues.saveOnboarding(record, null);
  if (etag === 'changed') throw new Error(`onboarding ${record.id}: a new draft's id is taken`);
  return draftOf(svc, record, text, etag);
}

export async function readOnboarding(svc: Services, id: string): Promise<OnboardingDraft> {
  const { record, text, etag } = await load(svc, id);
  return draftOf(svc, record, text, etag);
}

/**
 * Keeps the review as it stands, whatever its state: an afternoon's work survives a closed pane.
 * Only over the draft the reviewer read (If-Match its ETag; * for whatever is stored): of two
 * reviewers saving one draft, the later is told who saved it since, and nothing is overwritten.
 */
export async function saveOnboarding(svc: Services, actor: Actor, id: string, review: OnboardingReview, ifMatch: string | null): Promise<OnboardingDraft> {
  if (ifMatch === null) throw new DomainError('onboarding_if_match_required', { id });
  const { record, text, etag } = await load(svc, id);
  const changed = () => new DomainError('onboarding_changed', { by: record.updatedBy, at: record.updatedAt });
  if (ifMatch !== '*' && ifMatch !== etag) throw changed();
  const next: OnboardingRecord = { ...record, review, updatedBy: actor.id, updatedAt: svc.now().toISOString() };
  const saved = await svc.catalogues.saveOnboarding(next, etag);
  if (saved === 'changed') {
    const now = await load(svc, id);
    throw new DomainError('onboarding_changed', { by: now.record.updatedBy, at: now.record.updatedAt });
  }
  return draftOf(svc, next, text, saved);
}

/**
 * Publishes a review with no issues as the catalogue version after the one in force when the
 * request came in; someone publishing in between makes it a conflict, and nothing is stored.
 * If-Match (as the pane sends it) publishes only the draft as the publisher saved it.
 */
export async function publishOnboarding(svc: Services, actor: Actor, id: string, reason: string, ifMatch: string | null = null): Promise<PublishResult> {
  const { record, text, etag } = await load(svc, id);
  if (ifMatch !== null && ifMatch !== '*' && ifMatch !== etag) throw new DomainError('onboarding_changed', { by: record.updatedBy, at: record.updatedAt });
  const issues = checkOnboarding(svc.catalogue, record.review, text);
  if (issues.length > 0) throw new DomainError('onboarding_not_publishable', {}, { issues });
  const at = svc.now().toISOString();
  const next = applyOnboarding(svc.catalogue, record.review, record.source, at);
  const park = record.review.plan.park;
  const outcome = await svc.catalogues.publish(next, svc.catalogue.version, { by: actor.id, byName: actor.name, at, reason, parks: [park] });
  if (outcome.kind === 'conflict') throw new DomainError('catalogue_conflict', { current: outcome.current });
  await svc.catalogues.deleteOnboarding(id);
  return {
    version: outcome.catalogue.version,
    park,
    targets: outcome.catalogue.targets.filter((t) => t.park === park).length,
    indicatorsAdded: record.review.newIndicators.map((i) => i.code),
  };
}

async function load(svc: Services, id: string): Promise<{ record: OnboardingRecord; text: string; etag: string }> {
  const found = await svc.catalogues.readOnboarding(id);
  if (!found) throw new DomainError('onboarding_not_found', { id });
  const { record, etag } = found;
  const text = await svc.catalogues.readPlanText(record.source.textBlob);
  if (text === null) throw new Error(`onboarding ${id}: its plan text ${record.source.textBlob} is not stored`);
  return { record, text, etag };
}

function draftOf(svc: Services, record: OnboardingRecord, text: string, etag: string): OnboardingDraft {
  return { ...record, etag, text, issues: checkOnboarding(svc.catalogue, record.review, text) };
}

function formatOf(fileName: string): 'text' | 'docx' | 'pdf' {
  return /\.docx$/i.test(fileName) ? 'docx' : /\.pdf$/i.test(fileName) ? 'pdf' : 'text';
}
