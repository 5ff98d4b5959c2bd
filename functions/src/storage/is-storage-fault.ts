const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR',
]);

/**
 * True when an Azure SDK error means the storage is unreachable or failing (network errors,
 * timeouts, 5xx), as opposed to an answer about the data (404, 409, 412).
 */
export function isStorageFault(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; code?: string; statusCode?: number; cause?: unknown };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  if (e.code !== undefined && NETWORK_CODES.has(e.code)) return true;
  if (e.name === 'RestError') return e.statusCode === undefined || e.statusCode >= 500 || e.statusCode === 408;
  return e.cause !== undefined && isStorageFault(e.cause);
}
