/**
 * Waits for office.js. Outside Office (a browser tab, a test) `Office.onReady` answers with a
 * null host; without office.js at all it resolves at once.
 */
export async function whenOfficeReady(): Promise<{ host: string | null }> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { host: null };
  const info = await Office.onReady();
  return { host: info.host ? String(info.host) : null };
}
