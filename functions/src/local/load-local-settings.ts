import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readOrCreateDevTokenSecret } from './dev-token-secret.js';

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

export interface LocalEnvironment {
  env: Record<string, string | undefined>;
  /** The settings file read. */
  settingsPath: string;
  /** Where this machine's dev secret is, when dev-token mode uses it; null otherwise. */
  devSecretPath: string | null;
  devSecretCreated: boolean;
}

/**
 * What a local run (npm start, npm run start:func, npm run demo) sees: the settings file's
 * values, then the process's environment over them; in dev-token mode with no DEV_TOKEN_SECRET
 * given, this machine's own secret (made on first start, in the git-ignored .data/).
 */
export function localEnvironment(processEnv: Record<string, string | undefined> = process.env, dataDir?: string): LocalEnvironment {
  const local = loadLocalSettings();
  const env: Record<string, string | undefined> = { ...local.values, ...processEnv };
  const devTokens = (env.AUTH_MODE?.trim() || 'dev-token') === 'dev-token';
  if (!devTokens || env.DEV_TOKEN_SECRET) return { env, settingsPath: local.path, devSecretPath: null, devSecretCreated: false };
  const generated = readOrCreateDevTokenSecret(dataDir);
  return { env: { ...env, DEV_TOKEN_SECRET: generated.secret }, settingsPath: local.path, devSecretPath: generated.path, devSecretCreated: generated.created };
}
