/** The base URL the committed manifest.xml is written for (the dev server of `npm run sideload`). */
export const DEV_BASE_URL = 'https://localhost:3000';

/**
 * Where the pane is hosted, checked: Office loads add-ins over https only, and every URL of the
 * manifest is built on it, so no query or fragment. A production pane on loopback is a mistake
 * (no one else's Excel could load it): `production` refuses it. Throws with the setting's name.
 */
export function parseBaseUrl(baseUrl: string, { production = false } = {}): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL "${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins over https only), not "${baseUrl}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not have a query or fragment: "${baseUrl}"`);
  if (url.username || url.password) throw new Error(`ADDIN_BASE_URL must not carry a user name or password: "${url.origin}"`);
  if (production && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(url.hostname)) {
    throw new Error(`ADDIN_BASE_URL of a production build must be where users' Excel can reach the pane, not "${baseUrl}"`);
  }
  return url;
}

/** The manifest's <Version> (four numbers) of a package.json version (three): 1.4.2 → 1.4.2.0. */
export function manifestVersion(packageVersion: string): string {
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(packageVersion)) {
    throw new Error(`the add-in's package.json version must be three numbers (like 1.4.2) to become the manifest's <Version>, not "${packageVersion}"`);
  }
  return `${packageVersion}.0`;
}

/**
 * The manifest for a deployment: every URL of the development manifest moved to `baseUrl`
 * (parseBaseUrl's rules), the AppDomain to its origin, and <Version> set when given (Office
 * and the Microsoft 365 admin center update deployed add-ins when it grows).
 */
export function renderManifest(devManifest: string, baseUrl: string, options: { version?: string; production?: boolean } = {}): string {
  const url = parseBaseUrl(baseUrl, options);
  const base = url.href.replace(/\/+$/, '');
  const moved = devManifest.replace(`<AppDomain>${DEV_BASE_URL}</AppDomain>`, `<AppDomain>${url.origin}</AppDomain>`).split(DEV_BASE_URL).join(base);
  return options.version === undefined ? moved : moved.replace(/<Version>[^<]*<\/Version>/, `<Version>${options.version}</Version>`);
}
