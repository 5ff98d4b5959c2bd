import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_BASE_URL, renderManifest } from './render-manifest.js';

/**
 * Builds the task pane into addin/dist:
 *   taskpane.html, taskpane.js (esbuild bundle of src/taskpane/index.tsx), config.js,
 *   office.js and the Excel host files it loads (from @microsoft/office-js, so nothing needs the
 *   internet; ADDIN_OFFICE_JS=cdn uses Microsoft's CDN instead), assets/, help.html, and
 *   manifest.xml written from ADDIN_BASE_URL (default https://localhost:3000).
 * Other settings: ADDIN_API_BASE_URL (default: /api beside the task pane), NODE_ENV=development
 * for an unminified bundle.
 */
const ADDIN = fileURLToPath(new URL('../', import.meta.url));
const ROOT = join(ADDIN, '..');
const DIST = join(ADDIN, 'dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface BuildOptions {
  baseUrl: string;
  apiBaseUrl: string | null;
  officeJs: 'local' | 'cdn';
  minify: boolean;
  outDir?: string;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): BuildOptions {
  const officeJs = env.ADDIN_OFFICE_JS ?? 'local';
  if (officeJs !== 'local' && officeJs !== 'cdn') throw new Error(`ADDIN_OFFICE_JS must be local or cdn, not "${officeJs}"`);
  return {
    baseUrl: env.ADDIN_BASE_URL ?? DEV_BASE_URL,
    apiBaseUrl: env.ADDIN_API_BASE_URL ?? null,
    officeJs,
    minify: env.NODE_ENV !== 'development',
  };
}

/** office.js, the Excel host scripts and the localized strings it loads next to itself. */
function copyOfficeJs(out: string): void {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  const wanted = (name: string) => !name.includes('.debug.') && (/^(office|o15apptofilemappingtable|es6-promise)\.js$/.test(name) || /^excel.*\.js$/.test(name));
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

export async function buildAddin(options: BuildOptions): Promise<{ outDir: string; bytes: number }> {
  const out = options.outDir ?? DIST;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const result = await build({
    entryPoints: [join(ADDIN, 'src/taskpane/index.tsx')],
    bundle: true,
    outfile: join(out, 'taskpane.js'),
    format: 'iife',
    platform: 'browser',
    // Excel's WebView2 (Windows), WKWebView (Mac) and the browsers Excel on the web supports.
    target: ['es2020', 'chrome100', 'safari15', 'edge100'],
    jsx: 'automatic',
    minify: options.minify,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': JSON.stringify(options.minify ? 'production' : 'development') },
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });

  const officeJsSrc = options.officeJs === 'cdn' ? OFFICE_CDN : 'office.js';
  writeFileSync(join(out, 'taskpane.html'), readFileSync(join(ADDIN, 'taskpane.html'), 'utf8').replace('%OFFICE_JS%', officeJsSrc));
  const config = { apiBaseUrl: options.apiBaseUrl ?? undefined, entra: null };
  writeFileSync(join(out, 'config.js'), `// Written by addin/scripts/build.ts\nwindow.ZJ_CONFIG = ${JSON.stringify(config)};\n`);
  if (options.officeJs === 'local') copyOfficeJs(out);
  cpSync(join(ADDIN, 'assets'), join(out, 'assets'), { recursive: true });
  copyFileSync(join(ADDIN, 'help.html'), join(out, 'help.html'));
  writeFileSync(join(out, 'manifest.xml'), renderManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), options.baseUrl));
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { outDir: out, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = optionsFromEnv(process.env);
  buildAddin(options).then(
    ({ outDir, bytes }) => console.log(`task pane built in ${outDir} (${Math.round(bytes / 1024)} KiB of script); manifest for ${options.baseUrl}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
