import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Stand-ins, on loopback, for what a Function App talks to in Azure: the platform's managed
 * identity endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER, as App Service and Flex Consumption
 * provide them), and TLS servers for storage and Application Insights ingestion. They record
 * what they were sent, so tests can say what the real SDKs did.
 */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Recorder {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** A certificate for 127.0.0.1, for one test; its path goes to NODE_EXTRA_CA_CERTS of the process under test. */
export function makeLoopbackCertificate(dir: string): { key: Buffer; cert: Buffer; certPath: string } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), certPath };
}

type Answer = (request: Recorded, res: ServerResponse) => void;

/** An http (or, with tls, https) server on 127.0.0.1 that records every request and lets `answer` reply. */
export async function startRecorder(answer: Answer, tls?: { key: Buffer; cert: Buffer }): Promise<Recorder> {
  const requests: Recorded[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip' && body.length > 0) body = gunzipSync(body);
      const recorded = { method: req.method!, url: req.url!, headers: req.headers, body };
      requests.push(recorded);
      answer(recorded, res);
    });
  };
  const server: Server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The platform's managed identity endpoint: a token for whatever resource is asked, to callers with the header. */
export function startManagedIdentityEndpoint(identityHeader: string, token: string): Promise<Recorder> {
  return startRecorder((request, res) => {
    if (request.headers['x-identity-header'] !== identityHeader) {
      res.writeHead(401).end();
      return;
    }
    const url = new URL(request.url, 'http://127.0.0.1');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: token,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
        client_id: url.searchParams.get('client_id'),
      }),
    );
  });
}

/** Application Insights ingestion (Breeze, /v2.1/track): accepts every envelope, keeps them. */
export function startIngestionEndpoint(tls?: { key: Buffer; cert: Buffer }, requireToken?: string): Promise<Recorder> {
  return startRecorder((request, res) => {
    if (requireToken !== undefined && request.headers.authorization !== `Bearer ${requireToken}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: 0, itemsAccepted: 0, errors: [] }));
      return;
    }
    const items = envelopesOf(request);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
  }, tls);
}

export interface Envelope {
  name: string;
  iKey?: string;
  tags: Record<string, string>;
  data: {
    baseType: string;
    baseData: {
      message?: string;
      severityLevel?: string;
      exceptions?: { typeName: string; message: string; stack: string }[];
      properties?: Record<string, string>;
    };
  };
}

/** The telemetry items of one ingestion request (a JSON array, or one envelope per line). */
export function envelopesOf(request: Recorded): Envelope[] {
  if (!request.url.startsWith('/v2') || request.body.length === 0) return [];
  const text = request.body.toString('utf8').trim();
  return (text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((line) => JSON.parse(line))) as Envelope[];
}
