/** Tables and blob containers of the system of record (functions/README.md, Storage). */
export const TABLE_NAMES = { returns: 'returns', reviews: 'reviews', locks: 'periodlocks' } as const;
export const CONTAINER_NAME = 'return-versions';
export const DRAFTS_CONTAINER_NAME = 'return-drafts';
export const UPLOADS_CONTAINER_NAME = 'return-uploads';
/** The catalogue's versions, its head, uploaded plan texts and onboarding drafts (catalogue-store.ts). */
export const CATALOGUE_CONTAINER_NAME = 'catalogue';
