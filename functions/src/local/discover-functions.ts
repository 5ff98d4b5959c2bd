import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { useLocalAdapter, type HttpRoute } from '../http/register-http.js';

const FUNCTIONS_DIR = fileURLToPath(new URL('../functions/', import.meta.url));

/**
 * Imports every module of src/functions/ (one function each) and returns their registrations.
 * A new module is served locally as soon as it exists: nothing to list twice.
 */
export async function discoverFunctions(dir = FUNCTIONS_DIR): Promise<HttpRoute[]> {
  useLocalAdapter();
  const files = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|spec|d)\.(ts|js)$/.test(f)).sort();
  const routes: HttpRoute[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { registration?: HttpRoute };
    if (!mod.registration) throw new Error(`functions/${file} exports no registration`);
    routes.push(mod.registration);
  }
  return routes;
}
