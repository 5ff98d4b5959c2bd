import { readCorsOrigins } from './read-cors-origins.js';
import { readStorageSettings } from './read-storage-settings.js';
import { readTelemetrySettings } from './read-telemetry-settings.js';
import type { AuthMode, EntraSettings, PlatformFacts, Settings } from './settings.js';

/** Entra ID clouds whose authority the API trusts (the global cloud, and 21Vianet for tenants operated in China). */
export const ENTRA_AUTHORITY_HOSTS = ['https://login.microsoftonline.com', 'https://login.partner.microsoftonline.cn'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the platform says about where this runs (Azure sets these; we only read them). */
export function readPlatform(env: Record<string, string | undefined>): PlatformFacts {
  return {
    inAzure: Boolean(env.WEBSITE_SITE_NAME || env.WEBSITE_INSTANCE_ID),
    easyAuthEnabled: /^true$/i.test(env.WEBSITE_AUTH_ENABLED?.trim() ?? ''),
  };
}

/**
 * Reads the settings from an environment. A missing or malformed setting is a deployment
 * fault: this throws with the setting's name, at start-up rather than on the first request.
 * Sign-in fails closed: no mode is guessed in Azure, dev tokens never run there, and App
 * Service Authentication mode runs only where the platform says it is on.
 */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const platform = readPlatform(env);
  const authMode = readAuthMode(env.AUTH_MODE, platform);
  const devTokenSecret = authMode === 'dev-token' ? env.DEV_TOKEN_SECRET || null : null;
  if (authMode === 'dev-token' && (devTokenSecret === null || devTokenSecret.length < 32)) {
    throw new Error('setting DEV_TOKEN_SECRET must be at least 32 characters in dev-token mode (npm start generates one into .data/dev-token-secret)');
  }
  return {
    storage: readStorageSettings(env),
    telemetry: readTelemetrySettings(env),
    authMode,
    devTokenSecret,
    devTokensOnLan: authMode === 'dev-token' && readYes(env, 'ALLOW_DEV_TOKENS_ON_LAN'),
    entra: authMode === 'dev-token' ? null : readEntra(env, authMode, platform),
    accessContact: env.ACCESS_CONTACT?.trim() || null,
    platform,
    maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', 256 * 1024, 1),
    storageTimeoutMs: readInt(env, 'STORAGE_TIMEOUT_MS', 5000, 1),
    catalogueRefreshMs: readInt(env, 'CATALOGUE_REFRESH_MS', 5000, 0),
    dueDaysAfterPeriodEnd: readInt(env, 'DUE_DAYS_AFTER_PERIOD_END', 31, 1),
    corsOrigins: readCorsOrigins(env.CORS_ORIGINS),
  };
}

function readAuthMode(raw: string | undefined, platform: PlatformFacts): AuthMode {
  const mode = raw?.trim() ?? '';
  if (mode === '') {
    if (platform.inAzure) {
      throw new Error(
        'setting AUTH_MODE is not set, and this app runs in Azure: set AUTH_MODE=entra with ENTRA_TENANT_ID and ENTRA_API_CLIENT_ID ' +
          '(README, "Sign-in with Microsoft Entra ID"). Nothing is served until then; dev tokens are never accepted in Azure.',
      );
    }
    return 'dev-token';
  }
  if (mode !== 'dev-token' && mode !== 'entra' && mode !== 'app-service') {
    throw new Error(`setting AUTH_MODE must be entra, app-service or dev-token, not "${mode}"`);
  }
  if (mode === 'dev-token' && platform.inAzure) {
    throw new Error('setting AUTH_MODE=dev-token is refused in Azure (WEBSITE_SITE_NAME is set): dev tokens are for a developer machine. Set AUTH_MODE=entra.');
  }
  if (mode === 'app-service' && !(platform.inAzure && platform.easyAuthEnabled)) {
    throw new Error(
      'setting AUTH_MODE=app-service needs App Service Authentication in front of this app, and the platform does not say it is on ' +
        '(WEBSITE_AUTH_ENABLED=True in Azure). Without it anyone could send the x-ms-client-principal headers. Turn it on, or use AUTH_MODE=entra.',
    );
  }
  return mode;
}

function readEntra(env: Record<string, string | undefined>, mode: 'entra' | 'app-service', platform: PlatformFacts): EntraSettings {
  const tenantId = env.ENTRA_TENANT_ID?.trim() ?? '';
  if (!GUID.test(tenantId)) throw new Error(`setting ENTRA_TENANT_ID must be the directory (tenant) id, a GUID, in ${mode} mode, not "${tenantId}"`);
  const clientId = env.ENTRA_API_CLIENT_ID?.trim() ?? '';
  if (mode === 'entra' && !GUID.test(clientId)) {
    throw new Error(`setting ENTRA_API_CLIENT_ID must be the API registration's application (client) id, a GUID, in entra mode, not "${clientId}"`);
  }
  const scope = env.ENTRA_API_SCOPE?.trim() || 'access_as_user';
  if (!/^[A-Za-z0-9._-]+$/.test(scope)) throw new Error(`setting ENTRA_API_SCOPE must be the scope's name (like access_as_user), not "${scope}"`);
  return {
    tenantId: tenantId.toLowerCase(),
    authorityHost: readAuthorityHost(env.ENTRA_AUTHORITY_HOST, platform),
    audiences: clientId ? [clientId.toLowerCase()] : [],
    scope,
  };
}

/**
 * The cloud whose keys sign our tokens: one of Entra ID's (global or 21Vianet), or, outside
 * Azure only, an OpenID provider on loopback (the tests' local provider).
 */
function readAuthorityHost(raw: string | undefined, platform: PlatformFacts): string {
  const value = (raw?.trim() || ENTRA_AUTHORITY_HOSTS[0]).replace(/\/+$/, '');
  if ((ENTRA_AUTHORITY_HOSTS as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase();
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  const loopback = url !== null && /^https?:$/.test(url.protocol) && isLoopbackHost(url.hostname) && url.pathname === '/';
  if (loopback && !platform.inAzure) return value;
  throw new Error(`setting ENTRA_AUTHORITY_HOST must be ${ENTRA_AUTHORITY_HOSTS.join(' or ')}, not "${value}"`);
}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

function readYes(env: Record<string, string | undefined>, name: string): boolean {
  const raw = env[name]?.trim() ?? '';
  if (raw === '' || /^(no|false|0)$/i.test(raw)) return false;
  if (/^(yes|true|1)$/i.test(raw)) return true;
  throw new Error(`setting ${name} must be yes or no, not "${raw}"`);
}

/** A whole-number setting of at least `min`, or `fallback` when unset. */
function readInt(env: Record<string, string | undefined>, name: string, fallback: number, min: 0 | 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`setting ${name} must be ${min === 1 ? 'a positive whole number' : 'a whole number of 0 or more'}, not "${raw}"`);
  return n;
}
