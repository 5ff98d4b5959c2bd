import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledSources } from '../functions/src/package/build-package.js';
import { readSettings } from '../functions/src/settings/read-settings.js';
import { literalString, objectLiteral } from './bicep-text.js';

// The app settings of infra/modules/function-app.bicep against the code that runs in Azure
// (every repository file the deployment package bundles): every setting the code reads is set
// there, or is known to come from the platform, or must not be set in Azure; and nothing set
// there goes unread by the code or by the Functions host. Then the settings as Azure would
// hold them pass the code's own checks. No Bicep compiler here: the template is read as text
// (bicep-text.ts).
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FUNCTION_APP = join(ROOT, 'infra', 'modules', 'function-app.bicep');

/** Read by the Functions host, not by our code (each with where it is documented). */
const READ_BY_THE_HOST: Record<string, string> = {
  AzureWebJobsStorage__credential:
    'identity-based host storage: learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity',
  AzureWebJobsStorage__clientId: 'the user-assigned identity of the host storage connection (same page)',
  AzureWebJobsStorage__blobServiceUri: 'the host storage blob endpoint (same page): leases, keys, the deployment package',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'the host sends its own logs and requests: learn.microsoft.com/azure/azure-functions/configure-monitoring',
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Entra ID ingestion for the host: learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication',
};

/** Read by our code, set by Azure itself (never by us): how the code knows it runs in Azure. */
const SET_BY_THE_PLATFORM: Record<string, string> = {
  WEBSITE_SITE_NAME: "the app's name, in every App Service and Function App: learn.microsoft.com/azure/app-service/reference-app-settings",
  WEBSITE_INSTANCE_ID: 'the instance (same page)',
  WEBSITE_AUTH_ENABLED: 'True when App Service Authentication is on (same page); not on here, so AUTH_MODE=app-service would refuse to start',
  FUNCTIONS_WORKER_RUNTIME:
    'read only to tell a Functions host from a unit test; from local.settings.json under func start, while Flex Consumption takes the runtime from functionAppConfig and refuses it as an app setting',
};

/** Read by our code, and must not be set in Azure. */
const NOT_IN_AZURE: Record<string, string> = {
  STORAGE_CONNECTION_STRING: 'shared keys are refused by the storage accounts: the endpoints and the identity are used (Azurite only)',
  AzureWebJobsStorage: 'a connection string; the host storage is identity-based (AzureWebJobsStorage__*)',
  STORAGE_ACCOUNT_NAME: 'the endpoints are set instead, which work in every Azure cloud',
  DEV_TOKEN_SECRET: 'dev tokens are for a developer machine, never for Azure',
  ALLOW_DEV_TOKENS_ON_LAN: 'dev tokens are refused in Azure whatever it says',
};

const CLIENT_ID = '3f5d2a61-7c1e-4b8f-a0d9-6e2c4b1a9f07';
/** What Azure would hold for the settings whose value is an expression of the template. */
const AS_DEPLOYED: Record<string, string> = {
  AzureWebJobsStorage__clientId: CLIENT_ID,
  AzureWebJobsStorage__blobServiceUri: 'https://stk2x7q3.blob.core.windows.net/',
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d;IngestionEndpoint=https://eastasia-0.in.applicationinsights.azure.com/',
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `ClientId=${CLIENT_ID};Authorization=AAD`,
  STORAGE_BLOB_ENDPOINT: 'https://stdatak2x7q3.blob.core.windows.net/',
  STORAGE_TABLE_ENDPOINT: 'https://stdatak2x7q3.table.core.windows.net/',
  AZURE_CLIENT_ID: CLIENT_ID,
  ENTRA_TENANT_ID: '7D3C2B1A-0F9E-4D8C-B7A6-5E4F3D2C1B0A',
  ENTRA_API_CLIENT_ID: '4e6b8a2c-1d3f-4a5b-9c7d-2e4f6a8b0c1d',
  ENTRA_AUTHORITY_HOST: 'https://login.partner.microsoftonline.cn',
  ENTRA_API_SCOPE: 'access_as_user',
  ACCESS_CONTACT: '管委会信息中心 021-5080-0000',
  MAX_BODY_BYTES: '262144',
  STORAGE_TIMEOUT_MS: '5000',
  CATALOGUE_REFRESH_MS: '5000',
  DUE_DAYS_AFTER_PERIOD_END: '31',
  CORS_ORIGINS: 'https://swa-k2x7q3.azurestaticapps.net',
};

/** Every setting name a source file reads: env.NAME, env?.NAME, env['NAME'], and helpers called as (env, 'NAME'). */
function settingsReadIn(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/\benv(?:\?\.|\.)([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/\benv\??\.?\[\s*['"`]([^'"`]+)['"`]\s*\]/g)) names.add(m[1]!);
  for (const m of source.matchAll(/\(\s*env\s*,\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g)) names.add(m[1]!);
  return [...names];
}

let sources: string[] = [];
let read = new Map<string, string[]>();
const bicep = objectLiteral(readFileSync(FUNCTION_APP, 'utf8'), /^var appSettings = \{$/);

beforeAll(async () => {
  sources = await bundledSources();
  read = new Map();
  for (const file of sources.filter((f) => f.endsWith('.ts'))) {
    for (const name of settingsReadIn(readFileSync(file, 'utf8'))) read.set(name, [...(read.get(name) ?? []), relative(ROOT, file)]);
  }
}, 120_000);

describe('the app settings of the Bicep and the settings the deployed code reads', () => {
  it('the scan sees the code: it finds the settings of readSettings and of the storage and telemetry settings', () => {
    expect(sources.some((f) => f.endsWith('functions/src/settings/read-settings.ts'))).toBe(true);
    expect([...read.keys()]).toEqual(expect.arrayContaining(['AUTH_MODE', 'MAX_BODY_BYTES', 'STORAGE_BLOB_ENDPOINT', 'APPLICATIONINSIGHTS_CONNECTION_STRING']));
    expect(settingsReadIn("const a = env.A; env?.B; env['C']; readPositiveInt(env, 'D', 1); process.env.E")).toEqual(['A', 'B', 'E', 'C', 'D']);
  });

  it('every setting the code reads is set in the Bicep, or comes from the platform, or is one Azure must not have', () => {
    const unaccounted = [...read.entries()]
      .filter(([name]) => !bicep.has(name) && !(name in SET_BY_THE_PLATFORM) && !(name in NOT_IN_AZURE))
      .map(([name, files]) => `${name} (read in ${files.join(', ')})`);
    expect(unaccounted, 'read by the deployed code, yet not set in infra/modules/function-app.bicep').toEqual([]);
  });

  it('nothing set in the Bicep goes unread: each is read by the code or by the Functions host', () => {
    const unread = [...bicep.keys()].filter((name) => !read.has(name) && !(name in READ_BY_THE_HOST));
    expect(unread, 'set in infra/modules/function-app.bicep, read by nobody').toEqual([]);
  });

  it('what must not be in Azure is not there, and the lists of this test name only settings that exist', () => {
    expect([...bicep.keys()].filter((name) => name in NOT_IN_AZURE || name in SET_BY_THE_PLATFORM)).toEqual([]);
    // A name that the code stopped reading must leave these lists too.
    const stale = [...Object.keys(NOT_IN_AZURE), ...Object.keys(SET_BY_THE_PLATFORM)].filter((name) => !read.has(name));
    expect(stale, 'listed here but read by no deployed code').toEqual([]);
  });

  it("the settings as Azure holds them pass the code's own checks, and the code reads nothing else", () => {
    // What the platform sets in every Function App: the app name and instance (App Service
    // Authentication is not configured, so WEBSITE_AUTH_ENABLED is not there).
    const env: Record<string, string> = { WEBSITE_SITE_NAME: 'func-k2x7q3', WEBSITE_INSTANCE_ID: 'b1c2d3' };
    for (const [name, expression] of bicep) {
      const value = literalString(expression) ?? AS_DEPLOYED[name];
      expect(value, `a value for ${name} = ${expression} (add it to AS_DEPLOYED)`).toBeDefined();
      env[name] = value!;
    }
    const accessed = new Set<string>();
    const watched = new Proxy(env, {
      get(target, key) {
        if (typeof key === 'string') accessed.add(key);
        return target[key as string];
      },
    });
    const settings = readSettings(watched);
    expect(settings.storage).toEqual({
      kind: 'identity',
      blobEndpoint: 'https://stdatak2x7q3.blob.core.windows.net',
      tableEndpoint: 'https://stdatak2x7q3.table.core.windows.net',
      managedIdentityClientId: CLIENT_ID,
    });
    expect(settings.telemetry).toEqual({ connectionString: AS_DEPLOYED.APPLICATIONINSIGHTS_CONNECTION_STRING, entra: { clientId: CLIENT_ID } });
    expect(settings.authMode).toBe('entra');
    expect(settings.devTokenSecret).toBeNull();
    expect(settings.entra).toEqual({
      tenantId: '7d3c2b1a-0f9e-4d8c-b7a6-5e4f3d2c1b0a',
      authorityHost: 'https://login.partner.microsoftonline.cn',
      audiences: ['4e6b8a2c-1d3f-4a5b-9c7d-2e4f6a8b0c1d'],
      scope: 'access_as_user',
    });
    expect(settings.accessContact).toBe('管委会信息中心 021-5080-0000');
    expect(settings.platform).toEqual({ inAzure: true, easyAuthEnabled: false });
    expect(settings.corsOrigins).toEqual(['https://swa-k2x7q3.azurestaticapps.net']);
    // Whatever readSettings looked at, the scan of the sources found too (so the scan is whole).
    expect([...accessed].filter((name) => !read.has(name))).toEqual([]);
  });
});
