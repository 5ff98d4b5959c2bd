import { readFileSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles each function module into functions/dist/functions/*.js (package.json "main") for the
 * real Functions host. The domain library (@zj/shared, TypeScript source) is bundled in; the
 * npm dependencies of the functions package stay external and load from node_modules.
 */
export async function buildFunctions(): Promise<string[]> {
  const dir = `${ROOT}src/functions`;
  const entries = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `${dir}/${f}`);
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { dependencies?: Record<string, string> };
  const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@zj/'));
  rmSync(`${ROOT}dist`, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: `${ROOT}dist/functions`,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external,
    // Bundled CommonJS code may call require(): give ESM output one.
    banner: { js: "import { createRequire as __zjCreateRequire } from 'node:module'; const require = __zjCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return entries;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = await buildFunctions();
  console.log(`built ${entries.length} functions into functions/dist/functions/`);
}
