import type { AzureStorage } from './azure-storage.js';

/**
 * Built documents (zone workbooks, the evaluation's JSON) in container `workbook-cache`, each
 * under a name made of what it was built from (app/cached-build.ts), so a name is never written
 * with other content and a stale document is never found. Not records: anything here may be
 * deleted (a lifecycle rule can expire old files, functions/README.md) and is built again when
 * asked for.
 */
export async function readCachedDocument(storage: AzureStorage, name: string): Promise<Uint8Array | null> {
  await storage.ready();
  try {
    const buffer = await storage.call('read cached document', (abortSignal) =>
      storage.workbooks.getBlockBlobClient(name).downloadToBuffer(undefined, undefined, { abortSignal }),
    );
    return new Uint8Array(buffer);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

export async function writeCachedDocument(storage: AzureStorage, name: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await storage.ready();
  await storage.call('write cached document', (abortSignal) =>
    storage.workbooks.getBlockBlobClient(name).uploadData(bytes, { abortSignal, blobHTTPHeaders: { blobContentType: contentType } }),
  );
}
