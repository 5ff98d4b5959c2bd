/** The base URL the committed manifest.xml is written for (the dev server of `npm run sideload`). */
export const DEV_BASE_URL = 'https://localhost:3000';

/**
 * The manifest for a deployment: every URL of the development manifest moved to `baseUrl`.
 * Office refuses http locations, so the base must be https. The AppDomain is the origin only.
 */
export function renderManifest(devManifest: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL "${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins over https only), not "${baseUrl}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not have a query or fragment: "${baseUrl}"`);
  const base = url.href.replace(/\/+$/, '');
  return devManifest
    .replace(`<AppDomain>${DEV_BASE_URL}</AppDomain>`, `<AppDomain>${url.origin}</AppDomain>`)
    .split(DEV_BASE_URL)
    .join(base);
}
