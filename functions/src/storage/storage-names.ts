/** Tables and blob containers of the system of record (functions/README.md, Storage). */
export const TABLE_NAMES = {
  heads: 'heads',
  returns: 'returns',
  reviews: 'reviews',
  locks: 'periodlocks',
  migrations: 'migrations',
  stamps: 'changestamps',
} as const;
export const CONTAINER_NAME = 'return-versions';
export const DRAFTS_CONTAINER_NAME = 'return-drafts';
export const UPLOADS_CONTAINER_NAME = 'return-uploads';
/** The catalogue's versions, its head, uploaded plan texts and onboarding drafts (catalogue-store.ts). */
export const CATALOGUE_CONTAINER_NAME = 'catalogue';
/** Not a record: documents (zone workbooks, the evaluation's JSON) built from the records, named by what they were built from (app/cached-build.ts). */
export const WORKBOOK_CACHE_CONTAINER_NAME = 'workbook-cache';
