import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { zipSync } from 'fflate';

const FUNCTIONS_DIR = fileURLToPath(new URL('../../', import.meta.url));
const ROOT = join(FUNCTIONS_DIR, '..');

/** Where `npm run package` writes: functions/dist/package/ and functions/dist/package.zip. */
export const PACKAGE_DIR = join(FUNCTIONS_DIR, 'dist', 'package');
export const PACKAGE_ZIP = join(FUNCTIONS_DIR, 'dist', 'package.zip');

/** The Node major the package is built for: the Functions runtime setting (infra/) says the same. */
export const NODE_MAJOR = 22;

/**
 * The Functions worker provides this module to the app at run time (it answers require() for
 * it); it is never installed, so it is the one import left out of the bundle.
 */
const PROVIDED_BY_THE_WORKER = ['@azure/functions-core'];

export interface PackageResult {
  dir: string;
  zip: string;
  /** The function modules bundled (src/functions/*.ts), by file name. */
  modules: string[];
  /** Every file of the package, relative to its folder, with its size. */
  files: { path: string; bytes: number }[];
  folderBytes: number;
  zipBytes: number;
  /** The npm packages bundled in (their licences are in THIRD-PARTY-NOTICES.txt). */
  bundledPackages: string[];
}

export interface PackageOptions {
  dir?: string;
  zip?: string;
}

/**
 * Writes the Functions deployment: everything the host runs, nothing to install.
 *
 *   host.json                 the host's configuration, as in functions/
 *   package.json              type module, main index.js, engines Node 22; no dependencies
 *   index.js                  every function of src/functions/ and all it imports (npm packages
 *                             and @zj/shared included), as one ES module
 *   chunks/*.js               parts loaded only when needed (the Application Insights exporter)
 *   THIRD-PARTY-NOTICES.txt   the licences of the bundled npm packages
 *
 * and the same as a zip, for run-from-package (Flex Consumption's deployment container, azd,
 * `az functionapp deployment source config-zip`): no remote build, no npm install in Azure.
 * The zip is reproducible: entries sorted, one fixed timestamp.
 */
export async function buildPackage(options: PackageOptions = {}): Promise<PackageResult> {
  const dir = options.dir ?? PACKAGE_DIR;
  const zip = options.zip ?? PACKAGE_ZIP;
  const modules = functionModules();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const result = await build(bundleOptions(modules, dir));
  const bundled = bundledPackages(result.metafile);
  writeFileSync(join(dir, 'host.json'), readFileSync(join(FUNCTIONS_DIR, 'host.json')));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson(), null, 2)}\n`);
  writeFileSync(join(dir, 'THIRD-PARTY-NOTICES.txt'), notices(bundled));

  const files = listFiles(dir);
  mkdirSync(dirname(zip), { recursive: true });
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.path] = [readFileSync(join(dir, f.path)), { mtime: ZIP_TIME }];
  writeFileSync(zip, zipSync(entries, { level: 9 }));
  return {
    dir,
    zip,
    modules,
    files,
    folderBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    zipBytes: statSync(zip).size,
    bundledPackages: bundled.map((p) => `${p.name}@${p.version}`),
  };
}

const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

/** The esbuild options of the bundle written to `dir`. */
function bundleOptions(modules: string[], dir: string): BuildOptions & { metafile: true } {
  return {
    stdin: {
      // One entry that imports every function module: each registers itself with app.http.
      contents: `${modules.map((m) => `import './${m.replace(/\.ts$/, '.js')}';`).join('\n')}\n`,
      resolveDir: join(FUNCTIONS_DIR, 'src', 'functions'),
      sourcefile: 'package-entry.js',
      loader: 'js',
    },
    absWorkingDir: FUNCTIONS_DIR,
    outdir: dir,
    entryNames: 'index',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${NODE_MAJOR}`,
    external: PROVIDED_BY_THE_WORKER,
    // Smaller to read at a cold start, yet every function keeps its name in a stack trace.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
    // Bundled CommonJS code calls require() and reads __dirname and __filename: give the ES
    // modules all three. The two paths go by names of their own (an ES module of the bundle may
    // declare a top-level __dirname itself); only imported helpers, as a module may also
    // declare its own URL or path.
    banner: {
      js: [
        "import { createRequire as __zjCreateRequire } from 'node:module';",
        "import { dirname as __zjDirname } from 'node:path';",
        "import { fileURLToPath as __zjFileURLToPath } from 'node:url';",
        'const require = __zjCreateRequire(import.meta.url);',
        'const __zj_filename = __zjFileURLToPath(import.meta.url);',
        'const __zj_dirname = __zjDirname(__zj_filename);',
      ].join(' '),
    },
    define: { __dirname: '__zj_dirname', __filename: '__zj_filename' },
  };
}

/**
 * The repository's own source files the package holds (functions/src, shared/src: no npm
 * package), absolute paths: what runs in Azure, for checks such as which settings it reads.
 */
export async function bundledSources(): Promise<string[]> {
  const result = await build({ ...bundleOptions(functionModules(), join(FUNCTIONS_DIR, 'dist', 'sources-probe')), write: false, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes('node_modules/') && !input.startsWith('<stdin>'))
    .map((input) => join(FUNCTIONS_DIR, input))
    .sort();
}

/** src/functions/*.ts, one function each (tests aside), sorted. */
export function functionModules(): string[] {
  return readdirSync(join(FUNCTIONS_DIR, 'src', 'functions'))
    .filter((f) => f.endsWith('.ts') && !/\.(test|spec|d)\.ts$/.test(f))
    .sort();
}

/** The package's package.json: what the Functions host reads (main, type), and nothing to install. */
function packageJson(): Record<string, unknown> {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; description?: string };
  return {
    name: 'zj-returns-functions',
    version: root.version,
    private: true,
    description: 'Deployment package of the functions (built by `npm run package`): run as is, nothing to install.',
    type: 'module',
    main: 'index.js',
    engines: { node: `>=${NODE_MAJOR}` },
  };
}

interface BundledPackage {
  name: string;
  version: string;
  license: string;
  dir: string;
}

/** The npm packages whose code the bundle holds, from esbuild's record of its inputs. */
function bundledPackages(metafile: Metafile): BundledPackage[] {
  const dirs = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(sep).join('/'));
    if (m) dirs.add(join(FUNCTIONS_DIR, m[1]!));
  }
  return [...dirs]
    .map((d) => {
      const pkg = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
      return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'see its files', dir: d };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function notices(packages: BundledPackage[]): string {
  const parts = packages.map((p) => {
    const file = readdirSync(p.dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(p.dir, file), 'utf8').trim() : `(no licence file in the package; its package.json says ${p.license})`;
    return `${p.name} ${p.version} (${p.license})\n${'-'.repeat(72)}\n${text}\n`;
  });
  return `This package bundles the following npm packages. Their licences follow.\n\n${parts.join('\n')}`;
}

function listFiles(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else out.push({ path: relative(dir, full).split(sep).join('/'), bytes: s.size });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

if (process.argv[1] && existsSync(process.argv[1]) && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const r = await buildPackage();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Functions package: ${r.modules.length} function modules, ${r.bundledPackages.length} npm packages bundled, nothing to install.`);
  console.log(`  ${relative(ROOT, r.dir)}/  ${r.files.length} files, ${mb(r.folderBytes)}`);
  console.log(`  ${relative(ROOT, r.zip)}  ${mb(r.zipBytes)}   (${Math.round(performance.now() - started)} ms)`);
}
