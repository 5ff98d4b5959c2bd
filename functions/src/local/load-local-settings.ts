import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface LocalSettingsFile {
  path: string;
  values: Record<string, string>;
}

/**
 * The `Values` of functions/local.settings.json, as `func start` would put them in the
 * environment; local.settings.json.example when there is no local.settings.json (a fresh clone).
 */
export function loadLocalSettings(dir = DIR): LocalSettingsFile {
  const own = `${dir}local.settings.json`;
  const path = existsSync(own) ? own : `${dir}local.settings.json.example`;
  const file = JSON.parse(readFileSync(path, 'utf8')) as { Values?: Record<string, string> };
  return { path, values: file.Values ?? {} };
}
