import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the API sent to storage, as the proxy saw it. */
export interface StorageCall {
  service: 'blob' | 'table';
  method: string;
  /** The path and query, decoded (heads(PartitionKey='jinshan',RowKey='2025Q1'), heads()?$filter=…). */
  path: string;
}

export interface CountingProxy {
  /** A connection string naming the proxy's endpoints instead of the storage's own. */
  connectionString: string;
  /** Every request forwarded since the last reset, in the order they arrived. */
  calls: StorageCall[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * A plain HTTP proxy in front of Azurite's blob and table endpoints that records each request
 * it forwards: what a test counts to know how many storage round trips a route makes, over the
 * same SDK and HTTP the API uses in production (a count of our own store's method calls would
 * miss what the SDK adds).
 */
export async function startCountingProxy(connectionString: string): Promise<CountingProxy> {
  const calls: StorageCall[] = [];
  const servers: Server[] = [];
  let rewritten = connectionString;
  for (const service of ['blob', 'table'] as const) {
    const name = service === 'blob' ? 'BlobEndpoint' : 'TableEndpoint';
    const match = new RegExp(`${name}=(http://[^;/]+)`).exec(connectionString);
    if (!match) throw new Error(`startCountingProxy: no ${name} in the connection string`);
    const target = new URL(match[1]!);
    const server = createServer((req, res) => {
      calls.push({ service, method: req.method ?? 'GET', path: decodeURIComponent(req.url ?? '') });
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    rewritten = rewritten.replace(match[1]!, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    connectionString: rewritten,
    calls,
    reset: () => void calls.splice(0),
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
