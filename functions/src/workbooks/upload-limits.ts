/**
 * Limits on an uploaded workbook. A filled return is 20-60 kB and 15-30 zip parts; these leave
 * room for a workbook saved by WPS or LibreOffice with extra parts, and refuse zip bombs.
 */
export interface UploadLimits {
  /** Size of the file as uploaded. */
  maxBytes: number;
  /** Parts in the zip's central directory. */
  maxEntries: number;
  /** Sum of the parts' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed, checked once the uncompressed total passes 1 MB. */
  maxRatio: number;
}

export const UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxEntries: 200,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxRatio: 100,
};
