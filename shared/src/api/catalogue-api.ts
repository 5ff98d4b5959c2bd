import { z } from 'zod';
import { planSourceSchema } from '../catalogue/catalogue-schema.js';
import { onboardingReviewSchema } from '../onboarding/onboarding-review.js';
import { issueSchema, named, targetProposalDocumentSchema } from './documents.js';

/** Who published a catalogue version, when and why, and which parks it changed. */
export const catalogueChangeSchema = z.object({
  by: z.string().meta({ description: 'The user id of who published it (system for the seeded version 1).' }),
  byName: z.string(),
  at: z.string().meta({ description: 'ISO 8601 time of publishing.' }),
  reason: z.string(),
  parks: z.array(z.string()).meta({ description: 'The parks whose plan it added or replaced.' }),
});
export type CatalogueChange = z.infer<typeof catalogueChangeSchema>;

export const catalogueVersionSummarySchema = named(
  'CatalogueVersionSummary',
  catalogueChangeSchema.extend({ version: z.number().int().positive() }).meta({ description: 'One catalogue version in the audit list.' }),
);
export type CatalogueVersionSummary = z.infer<typeof catalogueVersionSummarySchema>;

export const catalogueHistorySchema = named(
  'CatalogueHistory',
  z
    .object({ current: z.number().int().positive(), versions: z.array(catalogueVersionSummarySchema) })
    .meta({ description: 'Every catalogue version, oldest first: the audit list of catalogue changes.' }),
);
export type CatalogueHistory = z.infer<typeof catalogueHistorySchema>;

/** A plan text uploaded to start onboarding: pasted text, or a file's text read on the server. */
export const planUploadSchema = named(
  'PlanUpload',
  z.object({
    fileName: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: 'The file name as uploaded (or a name for pasted text).', example: '张江高新区临港园行动方案.txt' }),
    text: z.string().regex(/\S/).max(2_000_000).meta({ description: 'The plan text (UTF-8); not blank.' }),
  }),
);
export type PlanUpload = z.infer<typeof planUploadSchema>;

export const onboardingDraftSchema = named(
  'OnboardingDraft',
  z
    .object({
      id: z.string(),
      createdBy: z.string(),
      createdAt: z.string(),
      updatedBy: z.string(),
      updatedAt: z.string(),
      basedOn: z.number().int().positive().meta({ description: 'The catalogue version the proposals were mapped against.' }),
      etag: z.string().meta({ description: 'The ETag of the draft as stored (also the ETag header): a save sends it back as If-Match.' }),
      source: planSourceSchema,
      text: z.string().meta({ description: 'The plan text as read: every accepted quote must be part of it.' }),
      proposals: z
        .array(targetProposalDocumentSchema)
        .meta({ description: "The extractor's proposals, in text order; items[i] is the review of proposals[i]." }),
      review: onboardingReviewSchema,
      issues: z.array(issueSchema).meta({ description: 'What keeps the review from being published now (empty: it may be published).' }),
    })
    .meta({ description: 'A plan being onboarded: its text, the proposals and the consolidator’s review, kept on the server until published.' }),
);
export type OnboardingDraft = z.infer<typeof onboardingDraftSchema>;

export const onboardingReviewDocumentSchema = named('OnboardingReview', onboardingReviewSchema);

export const publishRequestSchema = named(
  'PublishRequest',
  z.object({ reason: z.string().trim().min(1).max(500).meta({ description: 'Why: recorded in the audit list.', example: '新增临港园(临府发〔2025〕12号)' }) }),
);
export type PublishRequest = z.infer<typeof publishRequestSchema>;

export const publishResultSchema = named(
  'PublishResult',
  z.object({ version: z.number().int().positive(), park: z.string(), targets: z.number().int().nonnegative(), indicatorsAdded: z.array(z.string()) }),
);
export type PublishResult = z.infer<typeof publishResultSchema>;
