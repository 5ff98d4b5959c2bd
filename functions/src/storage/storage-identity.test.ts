import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultAzureCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azuriteConnectionString } from '../settings/read-storage-settings.js';
import { createStorageClients } from './azure-storage.js';

const FUNCTIONS_DIR = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT_ID = '6f1c7e0a-2b7d-4f58-9a51-3c1e2d4b5a69';
const IDENTITY_HEADER = 'identity-header-of-this-test';
const TOKEN = 'token-from-the-managed-identity-endpoint';

describe('which clients and credential the settings build', () => {
  it('a connection string (Azurite): the account key signs, no Entra ID credential', () => {
    const clients = createStorageClients({ kind: 'connection-string', connectionString: azuriteConnectionString({ blob: 10000, table: 10002 }) }, 1000);
    expect(clients.credential).toBeNull();
    expect(clients.table('returns').url).toBe('http://127.0.0.1:10002/devstoreaccount1');
    expect(clients.blobs.url).toBe('http://127.0.0.1:10000/devstoreaccount1');
  });

  it('endpoints: DefaultAzureCredential, no key', () => {
    const clients = createStorageClients(
      { kind: 'identity', blobEndpoint: 'https://stzjdata.blob.core.windows.net', tableEndpoint: 'https://stzjdata.table.core.windows.net', managedIdentityClientId: CLIENT_ID },
      1000,
    );
    expect(clients.credential).toBeInstanceOf(DefaultAzureCredential);
    expect(clients.table('returns').url).toBe('https://stzjdata.table.core.windows.net');
    expect(clients.blobs.url).toBe('https://stzjdata.blob.core.windows.net/');
  });
});

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

// As in a Function App: the platform's managed identity endpoint (IDENTITY_ENDPOINT, guarded
// by IDENTITY_HEADER) hands out tokens, and the storage account takes only those. Both stand
// here on loopback; the storage one over TLS (a token is never sent in clear), with a
// certificate made for this test and trusted through NODE_EXTRA_CA_CERTS, as a process of its own.
describe('in Azure: the managed identity signs every storage request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zj-identity-'));
  const identityRequests: Seen[] = [];
  const storageRequests: Seen[] = [];
  let identity: Server;
  let storage: Server;

  beforeAll(async () => {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    identity = createHttpServer((req, res) => {
      identityRequests.push({ method: req.method!, url: req.url!, headers: req.headers });
      if (req.headers['x-identity-header'] !== IDENTITY_HEADER) {
        res.writeHead(401).end();
        return;
      }
      const url = new URL(req.url!, 'http://127.0.0.1');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        access_token: TOKEN,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
        client_id: url.searchParams.get('client_id'),
      }));
    });
    storage = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      storageRequests.push({ method: req.method!, url: req.url!, headers: req.headers });
      req.resume();
      const common = { 'x-ms-request-id': 'r', 'x-ms-version': '2025-01-05', date: new Date().toUTCString() };
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(403, { ...common, 'x-ms-error-code': 'AuthorizationFailure' }).end();
      } else if (req.method === 'POST' && /\/Tables$/.test(req.url!)) {
        res.writeHead(204, { ...common, 'preference-applied': 'return-no-content' }).end();
      } else if (req.method === 'PUT' && req.url!.includes('restype=container')) {
        res.writeHead(201, { ...common, etag: '"0x1"', 'last-modified': new Date().toUTCString() }).end();
      } else {
        res.writeHead(404, { ...common, 'content-type': 'application/json', 'x-ms-error-code': 'ResourceNotFound' });
        res.end(JSON.stringify({ 'odata.error': { code: 'ResourceNotFound', message: { lang: 'en-US', value: 'The specified resource does not exist.' } } }));
      }
    });
    await Promise.all([identity, storage].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  });

  afterAll(async () => {
    await Promise.all([identity, storage].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks the platform for a storage token as the app identity and sends it to Table and Blob storage', async () => {
    const port = (s: Server) => (s.address() as AddressInfo).port;
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AZURE_|IDENTITY_|MSI_|IDENTITY|STORAGE_)/.test(name)));
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/storage/__fixtures__/touch-storage.ts'], {
        cwd: FUNCTIONS_DIR,
        timeout: 60_000,
        env: {
          ...inherited,
          IDENTITY_ENDPOINT: `http://127.0.0.1:${port(identity)}/msi/token`,
          IDENTITY_HEADER,
          NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
          STORAGE_BLOB_ENDPOINT: `https://127.0.0.1:${port(storage)}/stzjdata`,
          STORAGE_TABLE_ENDPOINT: `https://127.0.0.1:${port(storage)}/stzjdata`,
          AZURE_CLIENT_ID: CLIENT_ID,
        },
      }, (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)));
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ ok: true, row: null });

    // The platform was asked, with its header, for Azure Storage, as the user-assigned identity.
    expect(identityRequests.length).toBeGreaterThan(0);
    for (const request of identityRequests) {
      const url = new URL(request.url, 'http://127.0.0.1');
      expect(request.headers['x-identity-header']).toBe(IDENTITY_HEADER);
      expect(url.searchParams.get('resource')).toBe('https://storage.azure.com');
      expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    }
    // Three tables, three containers, one entity read: every one with the token, none with a key.
    const calls = storageRequests.map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`);
    expect(calls.filter((c) => c.endsWith('/Tables'))).toHaveLength(3);
    expect(storageRequests.filter((r) => r.url.includes('restype=container')).map((r) => r.url.replace(/\?.*/, '')).sort()).toEqual(
      ['/stzjdata/return-drafts', '/stzjdata/return-uploads', '/stzjdata/return-versions'],
    );
    expect(calls).toContain("GET /stzjdata/returns(PartitionKey='jinshan%7C2025',RowKey='head')");
    for (const request of storageRequests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  }, 90_000);
});
