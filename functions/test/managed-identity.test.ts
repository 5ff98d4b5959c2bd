import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  envelopesOf,
  makeLoopbackCertificate,
  startIngestionEndpoint,
  startManagedIdentityEndpoint,
  startRecorder,
  type Recorder,
} from './helpers/fake-azure-platform.js';

// In a Function App, the platform's managed identity endpoint (IDENTITY_ENDPOINT, guarded by
// IDENTITY_HEADER) hands out tokens, and the storage account and Application Insights take only
// those. Here both stand on loopback, the services over TLS (a token is never sent in clear)
// with a certificate made for this test and trusted through NODE_EXTRA_CA_CERTS, and the code
// runs as a process of its own with the environment the app has in Azure.
const FUNCTIONS_DIR = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_ID = '6f1c7e0a-2b7d-4f58-9a51-3c1e2d4b5a69';
const IDENTITY_HEADER = 'identity-header-of-this-test';
const TOKEN = 'token-from-the-managed-identity-endpoint';

const dir = mkdtempSync(join(tmpdir(), 'zj-identity-'));
let tls: ReturnType<typeof makeLoopbackCertificate>;
let identity: Recorder;

beforeAll(async () => {
  tls = makeLoopbackCertificate(dir);
  identity = await startManagedIdentityEndpoint(IDENTITY_HEADER, TOKEN);
});

afterAll(async () => {
  await identity.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a helper script the way the worker runs our code in Azure: this environment and the platform's. */
function runInAzure(script: string, env: Record<string, string>, args: string[] = []): Promise<unknown> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AZURE_|IDENTITY_|MSI_|STORAGE_|APPLICATIONINSIGHTS_)/.test(name)));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      {
        cwd: FUNCTIONS_DIR,
        timeout: 60_000,
        env: {
          ...inherited,
          IDENTITY_ENDPOINT: `${identity.url}/msi/token`,
          IDENTITY_HEADER,
          NODE_EXTRA_CA_CERTS: tls.certPath,
          APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
          ...env,
        },
      },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(JSON.parse(out.trim().split('\n').at(-1)!))),
    );
  });
}

function tokenRequestsFor(resource: string) {
  return identity.requests.filter((r) => new URL(r.url, 'http://127.0.0.1').searchParams.get('resource') === resource);
}

describe('storage: the managed identity signs every request', () => {
  let storage: Recorder;
  beforeAll(async () => {
    storage = await startRecorder((request, res) => {
      const common = { 'x-ms-request-id': 'r', 'x-ms-version': '2025-01-05', date: new Date().toUTCString() };
      if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(403, { ...common, 'x-ms-error-code': 'AuthorizationFailure' }).end();
      } else if (request.method === 'POST' && /\/Tables$/.test(request.url)) {
        res.writeHead(204, { ...common, 'preference-applied': 'return-no-content' }).end();
      } else if (request.method === 'PUT' && request.url.includes('restype=container')) {
        res.writeHead(201, { ...common, etag: '"0x1"', 'last-modified': new Date().toUTCString() }).end();
      } else {
        res.writeHead(404, { ...common, 'content-type': 'application/json', 'x-ms-error-code': 'ResourceNotFound' });
        res.end(JSON.stringify({ 'odata.error': { code: 'ResourceNotFound', message: { lang: 'en-US', value: 'The specified resource does not exist.' } } }));
      }
    }, tls);
  });
  afterAll(() => storage.close());

  it('asks the platform for a storage token as the user-assigned identity and sends it to Table and Blob storage', async () => {
    const result = await runInAzure('test/helpers/touch-storage.ts', {
      STORAGE_BLOB_ENDPOINT: `${storage.url}/stzjdata`,
      STORAGE_TABLE_ENDPOINT: `${storage.url}/stzjdata`,
      AZURE_CLIENT_ID: CLIENT_ID,
    });
    expect(result).toEqual({ ok: true, row: null });

    const asked = tokenRequestsFor('https://storage.azure.com');
    expect(asked.length).toBeGreaterThan(0);
    for (const request of asked) {
      expect(request.headers['x-identity-header']).toBe(IDENTITY_HEADER);
      expect(new URL(request.url, 'http://127.0.0.1').searchParams.get('client_id')).toBe(CLIENT_ID);
    }
    // Six tables, four containers, one entity read: every one with the token, none with a key.
    const calls = storage.requests.map((r) => `${r.method} ${r.url.replace(/\?.*/, '')}`);
    expect(calls.filter((c) => c.endsWith('/Tables'))).toHaveLength(6);
    expect(
      storage.requests
        .filter((r) => r.url.includes('restype=container'))
        .map((r) => r.url.replace(/\?.*/, ''))
        .sort(),
    ).toEqual(['/stzjdata/return-drafts', '/stzjdata/return-uploads', '/stzjdata/return-versions', '/stzjdata/workbook-cache']);
    expect(calls).toContain("GET /stzjdata/heads(PartitionKey='jinshan',RowKey='2025')");
    for (const request of storage.requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  }, 90_000);
});

describe('Application Insights with local authentication off: the managed identity signs the telemetry', () => {
  let ingestion: Recorder;
  beforeAll(async () => {
    ingestion = await startIngestionEndpoint(tls, TOKEN);
  });
  afterAll(() => ingestion.close());

  it('sends the 500 with its reference as an exception, with a monitoring token of the identity', async () => {
    const result = (await runInAzure(
      'test/helpers/report-errors.ts',
      {
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=${ingestion.url}/`,
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `Authorization=AAD;ClientId=${CLIENT_ID}`,
      },
      ['ref-identity-500'],
    )) as { status: number };
    expect(result.status).toBe(500);
    expect(tokenRequestsFor('https://monitor.azure.com').length + tokenRequestsFor('https://monitor.azure.com/').length).toBeGreaterThan(0);
    const track = ingestion.requests.filter((r) => r.url.startsWith('/v2'));
    expect(track.length).toBeGreaterThan(0);
    for (const request of track) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const exceptions = track.flatMap(envelopesOf).filter((e) => e.data.baseType === 'ExceptionData');
    expect(exceptions.map((e) => e.data.baseData.properties?.ref)).toContain('ref-identity-500');
  }, 90_000);
});
