import { DefaultAzureCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { azuriteConnectionString } from '../settings/read-storage-settings.js';
import { createStorageClients } from './azure-storage.js';

// What each kind of settings builds. That the identity's token really signs every request is
// shown against stand-ins of the platform in functions/test/managed-identity.test.ts.
describe('createStorageClients', () => {
  it('a connection string (Azurite): the account key signs, no Entra ID credential', () => {
    const clients = createStorageClients({ kind: 'connection-string', connectionString: azuriteConnectionString({ blob: 10000, table: 10002 }) }, 1000);
    expect(clients.credential).toBeNull();
    expect(clients.table('returns').url).toBe('http://127.0.0.1:10002/devstoreaccount1');
    expect(clients.blobs.url).toBe('http://127.0.0.1:10000/devstoreaccount1');
  });

  it('endpoints: DefaultAzureCredential for the endpoints, and no key', () => {
    const clients = createStorageClients(
      {
        kind: 'identity',
        blobEndpoint: 'https://stzjdata.blob.core.windows.net',
        tableEndpoint: 'https://stzjdata.table.core.windows.net',
        managedIdentityClientId: '6f1c7e0a-2b7d-4f58-9a51-3c1e2d4b5a69',
      },
      1000,
    );
    expect(clients.credential).toBeInstanceOf(DefaultAzureCredential);
    expect(clients.table('returns').url).toBe('https://stzjdata.table.core.windows.net');
    expect(clients.blobs.url).toBe('https://stzjdata.blob.core.windows.net/');
    expect(clients.blobs.credential).toBe(clients.credential);
  });
});
