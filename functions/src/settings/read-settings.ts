import { ROLES } from '../auth/roles.js';
import { readStorageSettings } from './read-storage-settings.js';
import { readTelemetrySettings } from './read-telemetry-settings.js';
import type { AuthMode, Settings, UserEntry } from './settings.js';

/**
 * Reads the settings from an environment. A missing or malformed setting is a deployment
 * fault: this throws with the setting's name, at start-up rather than on the first request.
 */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const authMode = (env.AUTH_MODE ?? 'dev-token') as AuthMode;
  if (authMode !== 'dev-token' && authMode !== 'app-service') {
    throw new Error(`setting AUTH_MODE must be dev-token or app-service, not "${authMode}"`);
  }
  const devTokenSecret = env.DEV_TOKEN_SECRET || null;
  if (authMode === 'dev-token' && (devTokenSecret === null || devTokenSecret.length < 32)) {
    throw new Error('setting DEV_TOKEN_SECRET must be at least 32 characters in dev-token mode');
  }
  return {
    storage: readStorageSettings(env),
    telemetry: readTelemetrySettings(env),
    authMode,
    devTokenSecret,
    users: readUsers(env.USERS),
    maxBodyBytes: readPositiveInt(env, 'MAX_BODY_BYTES', 256 * 1024),
    storageTimeoutMs: readPositiveInt(env, 'STORAGE_TIMEOUT_MS', 5000),
    dueDaysAfterPeriodEnd: readPositiveInt(env, 'DUE_DAYS_AFTER_PERIOD_END', 31),
    corsOrigins: (env.CORS_ORIGINS ?? '*').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

function readPositiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`setting ${name} must be a positive whole number, not "${raw}"`);
  return n;
}

function readUsers(raw: string | undefined): Record<string, UserEntry> {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('setting USERS must be JSON: {"identity": {"role": "...", "park": "..."}}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('setting USERS must be a JSON object');
  const users: Record<string, UserEntry> = {};
  for (const [identity, entry] of Object.entries(parsed)) {
    const e = entry as Partial<UserEntry> | null;
    if (!e || !ROLES.includes(e.role as never)) throw new Error(`setting USERS: "${identity}" has no valid role`);
    const park = e.park ?? null;
    if (e.role !== 'consolidator' && (typeof park !== 'string' || park === '')) {
      throw new Error(`setting USERS: "${identity}" is a ${e.role} and needs a park`);
    }
    users[identity] = { role: e.role as UserEntry['role'], park: e.role === 'consolidator' ? null : park, ...(e.name ? { name: e.name } : {}) };
  }
  return users;
}
