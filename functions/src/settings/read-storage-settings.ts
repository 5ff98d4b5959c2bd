/** The Azurite account every Azure SDK knows as "UseDevelopmentStorage=true". */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * How the functions reach the storage account that holds the returns:
 * - `identity`: Microsoft Entra ID, as the app's managed identity (DefaultAzureCredential), to
 *   the account's Table and Blob endpoints. What runs in Azure: the account refuses shared keys.
 * - `connection-string`: a connection string with the account key. For Azurite (the local
 *   stack), which has no Entra ID.
 */
export type StorageSettings =
  | { kind: 'connection-string'; connectionString: string }
  | {
      kind: 'identity';
      /** e.g. https://stzjdata.blob.core.windows.net (no trailing slash) */
      blobEndpoint: string;
      /** e.g. https://stzjdata.table.core.windows.net */
      tableEndpoint: string;
      /** Client id of a user-assigned managed identity (AZURE_CLIENT_ID); null for the system-assigned one. */
      managedIdentityClientId: string | null;
    };

/** Connection string of an Azurite listening on loopback at the given ports. */
export function azuriteConnectionString(ports: { blob: number; table: number }): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${AZURITE_ACCOUNT}`,
    `TableEndpoint=http://127.0.0.1:${ports.table}/${AZURITE_ACCOUNT}`,
  ].join(';');
}

/** "UseDevelopmentStorage=true" spelled out, so both SDKs and our own code agree on the ports. */
function expandDevelopmentStorage(cs: string): string {
  return /^\s*UseDevelopmentStorage=true\s*;?\s*$/i.test(cs) ? azuriteConnectionString({ blob: 10000, table: 10002 }) : cs;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

/**
 * The storage settings, in this order:
 * 1. STORAGE_CONNECTION_STRING (Azurite, or an account that still allows keys);
 * 2. STORAGE_BLOB_ENDPOINT with STORAGE_TABLE_ENDPOINT, or STORAGE_ACCOUNT_NAME (the public
 *    cloud's endpoints): Entra ID through the managed identity, AZURE_CLIENT_ID naming a
 *    user-assigned one;
 * 3. AzureWebJobsStorage as a connection string (the host's storage; local.settings.json).
 * Setting both a connection string and an identity-based account is ambiguous, and refused.
 */
export function readStorageSettings(env: Record<string, string | undefined>): StorageSettings {
  const connectionString = env.STORAGE_CONNECTION_STRING?.trim() || '';
  const blob = env.STORAGE_BLOB_ENDPOINT?.trim() || '';
  const table = env.STORAGE_TABLE_ENDPOINT?.trim() || '';
  const account = env.STORAGE_ACCOUNT_NAME?.trim() || '';
  const identityNamed = blob !== '' || table !== '' || account !== '';
  if (connectionString !== '' && identityNamed) {
    throw new Error(
      'settings STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_NAME / STORAGE_*_ENDPOINT are both set: set the endpoints (or the account name) ' +
        'to use the managed identity, or the connection string for Azurite, not both',
    );
  }
  if (connectionString !== '') return { kind: 'connection-string', connectionString: expandDevelopmentStorage(connectionString) };
  if (identityNamed) return { kind: 'identity', ...readEndpoints(blob, table, account), managedIdentityClientId: readClientId(env.AZURE_CLIENT_ID) };
  const host = env.AzureWebJobsStorage?.trim() || '';
  if (host !== '') return { kind: 'connection-string', connectionString: expandDevelopmentStorage(host) };
  throw new Error(
    'the storage account is not set: set STORAGE_BLOB_ENDPOINT and STORAGE_TABLE_ENDPOINT (or STORAGE_ACCOUNT_NAME) to use the managed identity, ' +
      'or STORAGE_CONNECTION_STRING (UseDevelopmentStorage=true for Azurite)',
  );
}

function readEndpoints(blob: string, table: string, account: string): { blobEndpoint: string; tableEndpoint: string } {
  if (blob !== '' || table !== '') {
    if (account !== '') throw new Error('settings STORAGE_ACCOUNT_NAME and STORAGE_*_ENDPOINT are both set: set one of them');
    if (blob === '') throw new Error('setting STORAGE_BLOB_ENDPOINT is missing (STORAGE_TABLE_ENDPOINT is set): set both');
    if (table === '') throw new Error('setting STORAGE_TABLE_ENDPOINT is missing (STORAGE_BLOB_ENDPOINT is set): set both');
    return { blobEndpoint: readEndpoint('STORAGE_BLOB_ENDPOINT', blob), tableEndpoint: readEndpoint('STORAGE_TABLE_ENDPOINT', table) };
  }
  if (!ACCOUNT_NAME.test(account))
    throw new Error(`setting STORAGE_ACCOUNT_NAME must be a storage account name (3 to 24 lower-case letters and digits), not "${account}"`);
  return { blobEndpoint: `https://${account}.blob.core.windows.net`, tableEndpoint: `https://${account}.table.core.windows.net` };
}

/** Tokens go over TLS only: an endpoint must be https (the SDKs refuse to send a bearer token otherwise). */
function readEndpoint(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`setting ${name} must be a URL like https://<account>.blob.core.windows.net, not "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`setting ${name} must be an https URL (Entra ID tokens are sent over TLS only), not "${raw}"`);
  if (url.search || url.hash) throw new Error(`setting ${name} must not have a query or fragment (no SAS token): "${url.origin}${url.pathname}"`);
  return url.href.replace(/\/+$/, '');
}

function readClientId(raw: string | undefined): string | null {
  const value = raw?.trim() || '';
  if (value === '') return null;
  if (!GUID.test(value)) throw new Error(`setting AZURE_CLIENT_ID must be the managed identity's client id, a GUID, not "${value}"`);
  return value.toLowerCase();
}
