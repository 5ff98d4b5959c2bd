import { createHash, randomUUID } from 'node:crypto';
import { applyOnboarding, checkOnboarding, extractTargets, initialReview, readPlanHeader, type Actor, type OnboardingReview } from '@zj/shared';
import type { OnboardingDraft, PlanUpload, PublishResult } from '@zj/shared/api';
import type { OnboardingRecord } from './catalogue-repository.js';
import { DomainError } from './domain-error.js';
import type { Services } from './services.js';

/**
 * Onboarding a park from its plan (docs/catalogue.md, Onboarding): the text read and kept, the
 * extractor's proposals, a review draft on the server, and publishing it as a catalogue version.
 */

/** Reads a plan's text into a new draft: its targets proposed against the catalogue in force, the form filled from its head. */
export async function startOnboarding(svc: Services, actor: Actor, upload: PlanUpload): Promise<OnboardingDraft> {
  const text = upload.text.replace(/^\uFEFF/, '');
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
    source: { fileName: upload.fileName, format: formatOf(upload.fileName), textHash, textBlob },
    proposals,
    review,
  };
  await svc.catalogues.saveOnboarding(record);
  return draftOf(svc, record, text);
}

export async function readOnboarding(svc: Services, id: string): Promise<OnboardingDraft> {
  const { record, text } = await load(svc, id);
  return draftOf(svc, record, text);
}

/** Keeps the review as it stands, whatever its state: an afternoon's work survives a closed pane. */
export async function saveOnboarding(svc: Services, actor: Actor, id: string, review: OnboardingReview): Promise<OnboardingDraft> {
  const { record, text } = await load(svc, id);
  const next: OnboardingRecord = { ...record, review, updatedBy: actor.id, updatedAt: svc.now().toISOString() };
  await svc.catalogues.saveOnboarding(next);
  return draftOf(svc, next, text);
}

/**
 * Publishes a review with no issues as the catalogue version after the one in force when the
 * request came in; someone publishing in between makes it a conflict, and nothing is stored.
 */
export async function publishOnboarding(svc: Services, actor: Actor, id: string, reason: string): Promise<PublishResult> {
  const { record, text } = await load(svc, id);
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

async function load(svc: Services, id: string): Promise<{ record: OnboardingRecord; text: string }> {
  const record = await svc.catalogues.readOnboarding(id);
  if (!record) throw new DomainError('onboarding_not_found', { id });
  const text = await svc.catalogues.readPlanText(record.source.textBlob);
  if (text === null) throw new Error(`onboarding ${id}: its plan text ${record.source.textBlob} is not stored`);
  return { record, text };
}

function draftOf(svc: Services, record: OnboardingRecord, text: string): OnboardingDraft {
  return { ...record, text, issues: checkOnboarding(svc.catalogue, record.review, text) };
}

function formatOf(fileName: string): 'text' | 'docx' | 'pdf' {
  return /\.docx$/i.test(fileName) ? 'docx' : /\.pdf$/i.test(fileName) ? 'pdf' : 'text';
}
