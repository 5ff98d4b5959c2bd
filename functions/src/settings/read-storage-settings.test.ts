import { describe, expect, it } from 'vitest';
import { azuriteConnectionString, readStorageSettings, type StorageSettings } from './read-storage-settings.js';
import { readTelemetrySettings } from './read-telemetry-settings.js';

const CLIENT_ID = '6f1c7e0a-2b7d-4f58-9a51-3c1e2d4b5a69';

describe('readStorageSettings', () => {
  it.each<[string, Record<string, string>, StorageSettings]>([
    [
      'endpoints: Entra ID with the user-assigned identity',
      {
        STORAGE_BLOB_ENDPOINT: 'https://stzjdata.blob.core.windows.net/',
        STORAGE_TABLE_ENDPOINT: 'https://stzjdata.table.core.windows.net',
        AZURE_CLIENT_ID: CLIENT_ID.toUpperCase(),
      },
      {
        kind: 'identity',
        blobEndpoint: 'https://stzjdata.blob.core.windows.net',
        tableEndpoint: 'https://stzjdata.table.core.windows.net',
        managedIdentityClientId: CLIENT_ID,
      },
    ],
    [
      'endpoints of the 21Vianet cloud, system-assigned identity',
      { STORAGE_BLOB_ENDPOINT: 'https://stzjdata.blob.core.chinacloudapi.cn', STORAGE_TABLE_ENDPOINT: 'https://stzjdata.table.core.chinacloudapi.cn' },
      {
        kind: 'identity',
        blobEndpoint: 'https://stzjdata.blob.core.chinacloudapi.cn',
        tableEndpoint: 'https://stzjdata.table.core.chinacloudapi.cn',
        managedIdentityClientId: null,
      },
    ],
    [
      'an account name: the public cloud endpoints',
      { STORAGE_ACCOUNT_NAME: 'stzjdata01' },
      {
        kind: 'identity',
        blobEndpoint: 'https://stzjdata01.blob.core.windows.net',
        tableEndpoint: 'https://stzjdata01.table.core.windows.net',
        managedIdentityClientId: null,
      },
    ],
    [
      'UseDevelopmentStorage=true: Azurite on its usual ports',
      { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' },
      { kind: 'connection-string', connectionString: azuriteConnectionString({ blob: 10000, table: 10002 }) },
    ],
    [
      'the host storage connection string when nothing else is set (local.settings.json)',
      { AzureWebJobsStorage: 'UseDevelopmentStorage=true' },
      { kind: 'connection-string', connectionString: azuriteConnectionString({ blob: 10000, table: 10002 }) },
    ],
    [
      'the identity-based account rather than the host storage connection string',
      { AzureWebJobsStorage: 'UseDevelopmentStorage=true', STORAGE_ACCOUNT_NAME: 'stzjdata01' },
      {
        kind: 'identity',
        blobEndpoint: 'https://stzjdata01.blob.core.windows.net',
        tableEndpoint: 'https://stzjdata01.table.core.windows.net',
        managedIdentityClientId: null,
      },
    ],
  ])('%s', (_, env, expected) => {
    expect(readStorageSettings(env)).toEqual(expected);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['nothing', {}, /storage account is not set/],
    ['a connection string and endpoints', { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', STORAGE_ACCOUNT_NAME: 'stzjdata01' }, /both set/],
    ['one endpoint only', { STORAGE_BLOB_ENDPOINT: 'https://a.blob.core.windows.net' }, /STORAGE_TABLE_ENDPOINT is missing/],
    ['the other endpoint only', { STORAGE_TABLE_ENDPOINT: 'https://a.table.core.windows.net' }, /STORAGE_BLOB_ENDPOINT is missing/],
    [
      'an http endpoint (a token in clear)',
      { STORAGE_BLOB_ENDPOINT: 'http://a.blob.core.windows.net', STORAGE_TABLE_ENDPOINT: 'https://a.table.core.windows.net' },
      /must be an https URL/,
    ],
    [
      'an endpoint with a SAS token',
      { STORAGE_BLOB_ENDPOINT: 'https://a.blob.core.windows.net/?sv=x&sig=y', STORAGE_TABLE_ENDPOINT: 'https://a.table.core.windows.net' },
      /no SAS token/,
    ],
    ['an endpoint that is no URL', { STORAGE_BLOB_ENDPOINT: 'a.blob', STORAGE_TABLE_ENDPOINT: 'https://a.table.core.windows.net' }, /must be a URL/],
    [
      'endpoints and an account name',
      { STORAGE_ACCOUNT_NAME: 'abc', STORAGE_BLOB_ENDPOINT: 'https://a.blob.core.windows.net', STORAGE_TABLE_ENDPOINT: 'https://a.table.core.windows.net' },
      /set one of them/,
    ],
    ['an account name with capitals', { STORAGE_ACCOUNT_NAME: 'StZjData' }, /STORAGE_ACCOUNT_NAME must be/],
    ['a client id that is not a GUID', { STORAGE_ACCOUNT_NAME: 'stzjdata01', AZURE_CLIENT_ID: 'my-identity' }, /AZURE_CLIENT_ID must be/],
  ])('refuses %s, naming the setting', (_, env, message) => {
    expect(() => readStorageSettings(env)).toThrow(message);
  });
});

describe('readTelemetrySettings', () => {
  const CS = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://chinaeast2-0.in.applicationinsights.azure.cn/';

  it.each([
    [{}, { connectionString: null, entra: null }],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: CS }, { connectionString: CS, entra: null }],
    [
      { APPLICATIONINSIGHTS_CONNECTION_STRING: CS, APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD' },
      { connectionString: CS, entra: { clientId: null } },
    ],
    [
      { APPLICATIONINSIGHTS_CONNECTION_STRING: CS, APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `ClientId=${CLIENT_ID};Authorization=AAD` },
      { connectionString: CS, entra: { clientId: CLIENT_ID } },
    ],
  ])('%j', (env, expected) => {
    expect(readTelemetrySettings(env)).toEqual(expected);
  });

  it.each([
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://example.com' }, /must be the connection string/],
    [{ APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=Key' }, /Authorization=AAD/],
    [{ APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=abc' }, /ClientId must be a GUID/],
  ])('refuses %j', (env, message) => {
    expect(() => readTelemetrySettings(env)).toThrow(message);
  });
});
