import type { Receipt } from './receipt.js';

/** POST /returns/{park}/{period}/upload: the receipt, and the blob keeping the workbook as sent. */
export interface UploadReceipt extends Receipt {
  uploadBlob: string;
}
