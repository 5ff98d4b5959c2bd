import { randomUUID } from 'node:crypto';
import type { AzureStorage } from './azure-storage.js';

/** Keeps an uploaded workbook as sent, under a new unique name, and returns the name. */
export async function saveUpload(storage: AzureStorage, park: string, period: string, bytes: Uint8Array, contentType: string): Promise<string> {
  await storage.ready();
  const name = `${park}/${period}/${new Date().toISOString().replace(/[:.]/g, '')}-${randomUUID()}`;
  await storage.call('save upload', (abortSignal) =>
    storage.uploads.getBlockBlobClient(name).uploadData(bytes, { abortSignal, blobHTTPHeaders: { blobContentType: contentType } }),
  );
  return name;
}

/** An uploaded workbook as it was sent, or null when there is none of that name. */
export async function readUpload(storage: AzureStorage, name: string): Promise<Uint8Array | null> {
  await storage.ready();
  try {
    const buffer = await storage.call('read upload', (abortSignal) =>
      storage.uploads.getBlockBlobClient(name).downloadToBuffer(undefined, undefined, { abortSignal }),
    );
    return new Uint8Array(buffer);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}
