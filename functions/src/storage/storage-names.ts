/** Tables and blob containers of the system of record (functions/README.md, Storage). */
export const TABLE_NAMES = { returns: 'returns', reviews: 'reviews', locks: 'periodlocks' } as const;
export const CONTAINER_NAME = 'return-versions';
export const DRAFTS_CONTAINER_NAME = 'return-drafts';
export const UPLOADS_CONTAINER_NAME = 'return-uploads';
