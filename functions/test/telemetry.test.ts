import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpHandler } from '@azure/functions';
import { errorResponse } from '../src/http/error-response.js';
import { close, createLocalServer, listen } from '../src/local/serve-api.js';
import { StorageUnavailableError } from '../src/storage/storage-unavailable-error.js';
import { envelopesOf, makeLoopbackCertificate, startIngestionEndpoint, type Recorder } from './helpers/fake-azure-platform.js';

const FUNCTIONS_DIR = fileURLToPath(new URL('..', import.meta.url));

// Application Insights takes telemetry at its ingestion endpoint (the connection string's
// IngestionEndpoint, always over TLS); here that endpoint stands on loopback, with a
// certificate made for the test, and keeps what it is sent. The code runs in a process of its
// own, which can reach nothing but loopback.
describe('Application Insights, through OpenTelemetry, when its connection string is set', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zj-telemetry-'));
  let ingestion: Recorder;
  let certPath = '';
  beforeAll(async () => {
    const tls = makeLoopbackCertificate(dir);
    certPath = tls.certPath;
    ingestion = await startIngestionEndpoint(tls);
  });
  afterAll(async () => {
    await ingestion.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function run(env: Record<string, string>): Promise<{ status: number; body: { error: { code: string; message: { zh: string; en: string } } } }> {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('APPLICATIONINSIGHTS_')));
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'test/helpers/report-errors.ts', 'ref-of-the-500', 'ref-of-the-503'],
        {
          cwd: FUNCTIONS_DIR,
          timeout: 60_000,
          env: { ...inherited, APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', NODE_EXTRA_CA_CERTS: certPath, ...env },
        },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(JSON.parse(out.trim().split('\n').at(-1)!))),
      );
    });
  }

  it('a 500 arrives as an exception carrying the reference the user was given; a 503 as a warning', async () => {
    const result = await run({
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint=${ingestion.url}/`,
    });
    expect(result.status).toBe(500);
    expect(result.body.error.code).toBe('internal_error');
    expect(result.body.error.message.zh).toContain('ref-of-the-500');

    const envelopes = ingestion.requests.flatMap(envelopesOf);
    const exception = envelopes.find((e) => e.data.baseType === 'ExceptionData');
    expect(exception, JSON.stringify(envelopes)).toBeDefined();
    expect(exception!.iKey).toBe('11111111-2222-3333-4444-555555555555');
    expect(exception!.data.baseData.exceptions![0]).toMatchObject({ typeName: 'TypeError', message: 'cannot read the head of jinshan|2025' });
    expect(exception!.data.baseData.exceptions![0]!.stack).toContain('report-errors.ts');
    expect(exception!.data.baseData.properties).toMatchObject({ ref: 'ref-of-the-500', functionName: 'getConsolidationXlsx', invocationId: 'ref-of-the-500' });
    expect(exception!.tags['ai.cloud.role']).toBe('zj-returns-api');

    const warning = envelopes.find((e) => e.data.baseType === 'MessageData');
    expect(warning!.data.baseData).toMatchObject({ message: 'storage unavailable: read entity: ECONNREFUSED', severityLevel: 'Warning' });
    expect(warning!.data.baseData.properties).toMatchObject({ functionName: 'getStatus', invocationId: 'ref-of-the-503' });
  }, 90_000);

  it('without a connection string nothing is sent anywhere, and the 500 is still answered', async () => {
    const before = ingestion.requests.length;
    const result = await run({});
    expect(result.status).toBe(500);
    expect(ingestion.requests.length).toBe(before);
  }, 90_000);
});

/** A route whose work throws `error`, answered by the one error handler, as every route's is. */
const failing =
  (error: Error): HttpHandler =>
  async (_request, context) =>
    errorResponse(error, context);

describe('the local adapter logs every 500 with its reference, LOG_REQUESTS or not', () => {
  const problems: string[] = [];
  const requests: string[] = [];
  let url = '';
  const server = createLocalServer({
    routes: [
      { name: 'explode', methods: ['GET'], route: 'explode', handler: failing(new RangeError('a fault of ours')) },
      { name: 'storageDown', methods: ['GET'], route: 'storage-down', handler: failing(new StorageUnavailableError('query entities: ECONNREFUSED')) },
    ],
    routePrefix: 'api',
    maxBodyBytes: 1024,
    corsOrigins: [],
    staticDir: null,
    logProblem: (line) => problems.push(line),
  });
  beforeAll(async () => {
    url = `http://127.0.0.1:${await listen(server, 0)}/api`;
  });
  afterAll(() => close(server));

  it('a 500: the reference in the answer is in the log, with the stack', async () => {
    const res = await fetch(`${url}/explode`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { message: { en: string } } };
    const ref = /[0-9a-f]{8}-[0-9a-f-]{27}/.exec(body.error.message.en)![0];
    const line = problems.find((p) => p.includes(ref));
    expect(line, problems.join('\n')).toMatch(/^\[explode\] error: internal error /);
    expect(line).toContain('RangeError: a fault of ours');
    expect(line).toContain('telemetry.test.ts');
    expect(requests).toEqual([]);
  });

  it('a 503: the storage fault is logged as a warning', async () => {
    const res = await fetch(`${url}/storage-down`);
    expect(res.status).toBe(503);
    expect(problems).toContain('[storageDown] warning: storage unavailable: query entities: ECONNREFUSED');
  });
});
