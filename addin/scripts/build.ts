import { build } from 'esbuild';
import { paneStaticWebAppConfig } from '@zj/shared/api';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntraAuthority, readEntraConfig, type EntraConfig } from '../src/auth/entra-config.js';
import { DEV_BASE_URL, manifestVersion, parseBaseUrl, renderManifest } from './render-manifest.js';

/**
 * Builds the task pane into addin/dist:
 *   taskpane.html, taskpane.js (esbuild bundle of src/taskpane/index.tsx), config.js, assets/,
 *   help.html, and manifest.xml written from ADDIN_BASE_URL, its <Version> from package.json.
 *
 * Two modes:
 * - development (`npm run build:addin`, `npm start`): ADDIN_BASE_URL defaults to
 *   https://localhost:3000; office.js and the Excel host files it loads are copied from
 *   @microsoft/office-js, so the local stack and its browser tests need no internet; source maps.
 * - production (`npm run build:prod`): ADDIN_BASE_URL (where the pane is hosted) and
 *   ADDIN_API_BASE_URL (the API) are required; office.js from Microsoft's CDN (required for
 *   AppSource, and what Office keeps up to date), or with ADDIN_OFFICE_JS=cdn-21vianet from the
 *   CDN of Microsoft 365 operated by 21Vianet; minified; no source maps.
 * Every setting is checked before anything is written: a bad one leaves dist as it was.
 * Other settings: ADDIN_OFFICE_JS (development: local | cdn | cdn-21vianet), NODE_ENV=development
 * for an unminified development bundle, ADDIN_OUT_DIR to write elsewhere than addin/dist.
 * Sign-in with Microsoft Entra ID: ADDIN_ENTRA_CLIENT_ID, ADDIN_ENTRA_AUTHORITY,
 * ADDIN_ENTRA_API_SCOPE (src/auth/entra-config.ts; required in production, where the API takes
 * nothing else), with its pages auth-redirect.html (MSAL's redirect bridge) and auth-dialog.html
 * (the Office dialog flow).
 */
const ADDIN = fileURLToPath(new URL('../', import.meta.url));
const ROOT = join(ADDIN, '..');
const DIST = join(ADDIN, 'dist');

/** Where office.js comes from in the page: Microsoft's CDNs, or a copy beside the page (development). */
export const OFFICE_JS_CDN = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  'cdn-21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
} as const;
export type OfficeJsSource = 'local' | keyof typeof OFFICE_JS_CDN;

export interface BuildOptions {
  baseUrl: string;
  apiBaseUrl: string | null;
  officeJs: OfficeJsSource;
  minify: boolean;
  /** Source maps beside the bundle (development only: none is served in production). */
  sourcemaps?: boolean;
  /** Refuses a pane on loopback. */
  production?: boolean;
  /** Sign-in with Microsoft Entra ID; null: the pane offers what the API's local development mode allows. */
  entra?: EntraConfig | null;
  outDir?: string;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv, mode: 'development' | 'production' = 'development'): BuildOptions {
  if (mode === 'production') {
    if (!env.ADDIN_BASE_URL)
      throw new Error(
        'ADDIN_BASE_URL is required for a production build: the https address the task pane is hosted at (e.g. https://<name>.azurestaticapps.net)',
      );
    if (!env.ADDIN_API_BASE_URL)
      throw new Error(
        'ADDIN_API_BASE_URL is required for a production build: the https address of the API (e.g. https://<function app>.azurewebsites.net/api)',
      );
    const officeJs = env.ADDIN_OFFICE_JS ?? 'cdn';
    if (officeJs !== 'cdn' && officeJs !== 'cdn-21vianet') {
      throw new Error(
        `ADDIN_OFFICE_JS of a production build must be cdn (Microsoft's CDN) or cdn-21vianet (Microsoft 365 operated by 21Vianet), not "${officeJs}"`,
      );
    }
    const options: BuildOptions = {
      baseUrl: env.ADDIN_BASE_URL,
      apiBaseUrl: parseApiBaseUrl(env.ADDIN_API_BASE_URL),
      officeJs,
      minify: true,
      sourcemaps: false,
      production: true,
      ...(env.ADDIN_OUT_DIR ? { outDir: env.ADDIN_OUT_DIR } : {}),
    };
    parseBaseUrl(options.baseUrl, { production: true });
    const entra = readEntraConfig(env);
    if (entra instanceof Error) throw entra;
    if (entra === null) {
      throw new Error(
        'ADDIN_ENTRA_CLIENT_ID, ADDIN_ENTRA_AUTHORITY and ADDIN_ENTRA_API_SCOPE are required for a production build: the API in Azure takes only Microsoft Entra ID tokens (README, "Sign-in with Microsoft Entra ID")',
      );
    }
    if (!isEntraAuthority(entra.authority)) {
      throw new Error(
        `ADDIN_ENTRA_AUTHORITY of a production build must be Entra ID's (https://login.microsoftonline.com/<tenant id> or https://login.partner.microsoftonline.cn/<tenant id>), not "${entra.authority}"`,
      );
    }
    return { ...options, entra };
  }
  const officeJs = env.ADDIN_OFFICE_JS ?? 'local';
  if (officeJs !== 'local' && !(officeJs in OFFICE_JS_CDN)) throw new Error(`ADDIN_OFFICE_JS must be local, cdn or cdn-21vianet, not "${officeJs}"`);
  const entra = readEntraConfig(env);
  if (entra instanceof Error) throw entra;
  return {
    baseUrl: env.ADDIN_BASE_URL ?? DEV_BASE_URL,
    apiBaseUrl: env.ADDIN_API_BASE_URL ? parseApiBaseUrl(env.ADDIN_API_BASE_URL) : null,
    officeJs: officeJs as OfficeJsSource,
    minify: env.NODE_ENV !== 'development',
    sourcemaps: true,
    ...(env.ADDIN_OUT_DIR ? { outDir: env.ADDIN_OUT_DIR } : {}),
    entra,
  };
}

/** The API's address as the pane calls it: an https URL, or a path on the pane's own origin. */
function parseApiBaseUrl(raw: string): string {
  if (raw.startsWith('/') && !raw.startsWith('//')) return raw.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_API_BASE_URL "${raw}" is neither an https URL nor a path like /api`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_API_BASE_URL must be https (the pane sends sign-in tokens to it), not "${raw}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_API_BASE_URL must not have a query or fragment: "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

/** office.js, the Excel host scripts and the localized strings it loads next to itself. */
function copyOfficeJs(out: string): void {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  const wanted = (name: string) =>
    !name.includes('.debug.') && (/^(office|o15apptofilemappingtable|es6-promise)\.js$/.test(name) || /^excel.*\.js$/.test(name));
  for (const entry of readdirSync(dist)) {
    const from = join(dist, entry);
    if (statSync(from).isDirectory()) {
      // Locale folders (zh-cn, en-us, …): only the Office strings.
      const strings = join(from, 'office_strings.js');
      if (existsSync(strings)) {
        mkdirSync(join(out, entry), { recursive: true });
        copyFileSync(strings, join(out, entry, 'office_strings.js'));
      }
    } else if (wanted(entry)) {
      copyFileSync(from, join(out, entry));
    }
  }
}

export async function buildAddin(options: BuildOptions): Promise<{ outDir: string; bytes: number; manifestVersion: string }> {
  const out = options.outDir ?? DIST;
  // Everything that can be refused is worked out before the first write.
  const version = manifestVersion((JSON.parse(readFileSync(join(ADDIN, 'package.json'), 'utf8')) as { version: string }).version);
  const manifest = renderManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), options.baseUrl, { version, production: options.production ?? false });
  const officeJsSrc = options.officeJs === 'local' ? 'office.js' : OFFICE_JS_CDN[options.officeJs];
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const result = await build({
    entryPoints: [
      { in: join(ADDIN, 'src/taskpane/index.tsx'), out: 'taskpane' },
      { in: join(ADDIN, 'src/auth/auth-dialog.ts'), out: 'auth-dialog' },
      { in: join(ADDIN, 'src/auth/auth-redirect.ts'), out: 'auth-redirect' },
    ],
    bundle: true,
    outdir: out,
    format: 'iife',
    platform: 'browser',
    // Excel's WebView2 (Windows), WKWebView (Mac) and the browsers Excel on the web supports.
    target: ['es2020', 'chrome100', 'safari15', 'edge100'],
    jsx: 'automatic',
    minify: options.minify,
    sourcemap: options.sourcemaps ?? true,
    define: { 'process.env.NODE_ENV': JSON.stringify(options.minify ? 'production' : 'development') },
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });

  for (const page of ['taskpane.html', 'auth-dialog.html', 'auth-redirect.html']) {
    writeFileSync(join(out, page), readFileSync(join(ADDIN, page), 'utf8').replace('%OFFICE_JS%', officeJsSrc));
  }
  const config = { apiBaseUrl: options.apiBaseUrl ?? undefined, entra: options.entra ?? null };
  writeFileSync(join(out, 'config.js'), `// Written by addin/scripts/build.ts\nwindow.ZJ_CONFIG = ${JSON.stringify(config)};\n`);
  if (options.officeJs === 'local') copyOfficeJs(out);
  // The headers the pane is served with, by Static Web Apps and by the local servers (which read
  // them from here): the API's origin and the sign-in authority this build names may be reached.
  const headers = { apiBaseUrl: options.apiBaseUrl, authority: options.entra?.authority ?? null };
  writeFileSync(join(out, 'staticwebapp.config.json'), `${JSON.stringify(paneStaticWebAppConfig(headers), null, 2)}\n`);
  cpSync(join(ADDIN, 'assets'), join(out, 'assets'), { recursive: true });
  copyFileSync(join(ADDIN, 'help.html'), join(out, 'help.html'));
  writeFileSync(join(out, 'manifest.xml'), manifest);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { outDir: out, bytes, manifestVersion: version };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const mode = process.argv.includes('--production') ? 'production' : 'development';
  Promise.resolve()
    .then(() => {
      const options = optionsFromEnv(process.env, mode);
      return buildAddin(options).then((built) => ({ options, built }));
    })
    .then(
      ({ options, built }) =>
        console.log(
          `task pane built (${mode}) in ${built.outDir} (${Math.round(built.bytes / 1024)} KiB of script); manifest ${built.manifestVersion} for ${options.baseUrl}; ` +
            `API ${options.apiBaseUrl ?? '/api beside the pane'}; office.js ${options.officeJs === 'local' ? 'copied beside the pane' : `from ${OFFICE_JS_CDN[options.officeJs]}`}`,
        ),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
}
