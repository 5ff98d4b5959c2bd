import { createHash } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { isStorageFault } from '../storage/is-storage-fault.js';
import { StorageUnavailableError } from '../storage/storage-unavailable-error.js';

export const UPLOAD_CONTAINER = 'return-uploads';

/**
 * Keeps an uploaded workbook exactly as received, beside the versions: blob
 * `{park}/{period}/{sha256}.xlsx` in container return-uploads. Named by content, so a retried
 * upload writes the same blob; written before the version is appended, so the version can name
 * it. An upload whose submission is then refused leaves a blob no version names, which no reader
 * sees (as the version store does with its documents).
 */
export async function saveUploadBlob(connectionString: string, timeoutMs: number, park: string, period: string, bytes: Uint8Array): Promise<string> {
  const name = `${park}/${period}/${createHash('sha256').update(bytes).digest('hex')}.xlsx`;
  try {
    const container = BlobServiceClient.fromConnectionString(connectionString, {
      retryOptions: { maxTries: 2, tryTimeoutInMs: timeoutMs, retryDelayInMs: 50, maxRetryDelayInMs: 200 },
    }).getContainerClient(UPLOAD_CONTAINER);
    await container.createIfNotExists({ abortSignal: AbortSignal.timeout(timeoutMs) });
    await container.getBlockBlobClient(name).uploadData(bytes, {
      abortSignal: AbortSignal.timeout(timeoutMs),
      blobHTTPHeaders: { blobContentType: XLSX_CONTENT_TYPE },
    });
    return `${UPLOAD_CONTAINER}/${name}`;
  } catch (error) {
    if (isStorageFault(error)) throw new StorageUnavailableError(`save upload: ${String((error as Error).message)}`, { cause: error });
    throw error;
  }
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
