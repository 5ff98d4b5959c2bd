const MB = 1024 * 1024;

/**
 * A size in MB for the upload messages ("文件大小为{size}MB,超过上限{limit}MB"): one decimal from
 * 1 MB up, two below, so a 0.29 MB file and a 0.25 MB limit do not both read "0.3MB".
 */
export function formatMegabytes(bytes: number): number {
  const digits = bytes >= MB ? 10 : 100;
  return Math.round((bytes / MB) * digits) / digits;
}
