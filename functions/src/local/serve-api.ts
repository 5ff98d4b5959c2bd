import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import azf, { type HttpResponseInit } from '@azure/functions';
import { API_SECURITY_HEADERS, UNROUTED_ERRORS } from '@zj/shared/api';
import { errorCodeResponse } from '../http/error-response.js';
import type { HttpRoute } from '../http/register-http.js';
import { compareRoutes, compileRoute, type CompiledRoute } from './route-template.js';
import { serveStatic } from './serve-static.js';

const { HttpRequest, HttpResponse, InvocationContext } = azf;

export interface LocalServerOptions {
  routes: HttpRoute[];
  /** "api": every route is served under /api/. */
  routePrefix: string;
  /** Bodies are read up to one byte past this, so the handler sees that the limit was passed. */
  maxBodyBytes: number;
  corsOrigins: string[];
  /** The built task pane, served outside the route prefix; null to serve none. */
  staticDir: string | null;
  /** Each request and the functions' info logs (LOG_REQUESTS=1). */
  log?: (line: string) => void;
  /**
   * The functions' warnings and errors, always (a 500's reference must be findable, LOG_REQUESTS
   * or not): stderr unless given.
   */
  logProblem?: (line: string) => void;
}

const PROBLEM_LEVELS = new Set(['warning', 'error', 'critical']);

const EXPOSED = 'etag, location, retry-after, x-template-version, idempotent-replayed';
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-client, x-file-name, if-match';

/**
 * The local stand-in for the Functions host: a node:http server that turns each request into
 * a real @azure/functions HttpRequest, calls the same handler the module registers, with a real
 * InvocationContext, and writes back its HttpResponse. Routes come from the registrations.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  const compiled = options.routes.map((route) => ({ route, compiled: compileRoute(route.route) })).sort((a, b) => compareRoutes(a.compiled, b.compiled));
  const prefix = `/${options.routePrefix}`;
  return createServer((req, res) => {
    handle(req, res, compiled, prefix, options).catch((error: unknown) => {
      (options.logProblem ?? console.error)(`adapter error (ref local-adapter): ${format(error)}`);
      if (!res.headersSent) writeAnswer(res, errorCodeResponse('internal_error', { ref: 'local-adapter' }), (req.method ?? 'GET').toUpperCase());
      else res.destroy();
    });
  });
}

/** Listens on loopback; port 0 picks a free port. Resolves to the port. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: { route: HttpRoute; compiled: CompiledRoute }[],
  prefix: string,
  options: LocalServerOptions,
): Promise<void> {
  const started = performance.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const cors = corsHeaders(req.headers.origin, options.corsOrigins);
  const done = (status: number) => options.log?.(`${method} ${url.pathname} ${status} ${(performance.now() - started).toFixed(1)}ms`);

  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
    await drain(req, 0);
    if (options.staticDir === null) return writeAnswer(res, errorCodeResponse(UNROUTED_ERRORS.noPath, { method, path: url.pathname }), method);
    return serveStatic(req, res, options.staticDir, url.pathname);
  }
  const path = url.pathname.slice(prefix.length) || '/';
  const matches = routes.flatMap(({ route, compiled }) => {
    const params = compiled.match(path);
    return params ? [{ route, params }] : [];
  });
  if (method === 'OPTIONS' && matches.length > 0) {
    await drain(req, 0);
    const preflight = cors['access-control-allow-origin']
      ? { 'access-control-allow-methods': allowed(matches), 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' }
      : {};
    res.writeHead(204, { ...API_SECURITY_HEADERS, ...cors, ...preflight });
    return void res.end();
  }
  const hit = matches.find((m) => m.route.methods.includes(method as never));
  if (!hit) {
    await drain(req, 0);
    // The route table's codes, answered by the one place errors become HTTP (status, headers, body).
    const answer =
      matches.length > 0
        ? errorCodeResponse(UNROUTED_ERRORS.wrongMethod, { method, path: url.pathname }, { ...cors, allow: allowed(matches) })
        : errorCodeResponse(UNROUTED_ERRORS.noPath, { method, path: url.pathname }, cors);
    writeAnswer(res, answer, method);
    return done(answer.status ?? 500);
  }

  const { kept: body, total } =
    method === 'GET' || method === 'HEAD' ? await drain(req, 0) : await drain(req, (hit.route.maxBodyBytes ?? options.maxBodyBytes) + 1);
  const requestHeaders = flattenHeaders(req.headers);
  // The length of the body as sent (as the host passes it), also when only its first bytes are
  // kept, so a handler can say how large a refused body was; for a chunked body, what arrived.
  if (total > 0) requestHeaders['content-length'] = String(total);
  const request = new HttpRequest({
    method,
    url: url.href,
    headers: requestHeaders,
    params: hit.params,
    ...(body.length > 0 ? { body: { bytes: body } } : {}),
  });
  const context = new InvocationContext({
    functionName: hit.route.name,
    invocationId: randomUUID(),
    logHandler: (level, ...args) => {
      const line = `[${hit.route.name}] ${level}: ${format(...args)}`;
      if (PROBLEM_LEVELS.has(level)) (options.logProblem ?? console.error)(line);
      else options.log?.(line);
    },
  });
  const result = await hit.route.handler(request, context);
  const response = result instanceof HttpResponse ? result : new HttpResponse((result ?? {}) as HttpResponseInit);
  const headers: Record<string, string> = { ...cors };
  response.headers.forEach((value, name) => (headers[name] = value));
  const bytes = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(bytes.length);
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : bytes);
  done(response.status);
}

/**
 * Reads the request body, keeping at most `keep` bytes and discarding the rest, so that an
 * oversized body neither fills memory nor leaves the client writing into a closed socket.
 * `total` is the length of the whole body.
 */
function drain(req: IncomingMessage, keep: number): Promise<{ kept: Uint8Array; total: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (kept >= keep) return;
      const part = chunk.subarray(0, keep - kept);
      chunks.push(part);
      kept += part.length;
    });
    req.on('end', () => resolve({ kept: new Uint8Array(Buffer.concat(chunks)), total }));
    req.on('error', reject);
  });
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding' || name === 'connection') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * CORS for the configured origins only (CORS_ORIGINS, none by default, never `*`): the origin
 * is answered back when it is one of them, exactly as the browser sent it. Vary: Origin whenever
 * origins are configured, since the answer then depends on who asks.
 */
function corsHeaders(origin: string | undefined, allowedOrigins: string[]): Record<string, string> {
  if (allowedOrigins.length === 0) return {};
  if (!origin || !allowedOrigins.includes(origin)) return { vary: 'origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED, vary: 'origin' };
}

function allowed(matches: { route: HttpRoute }[]): string {
  return [...new Set(matches.flatMap((m) => m.route.methods)), 'OPTIONS'].join(', ');
}

/** An answer of the adapter itself (errorCodeResponse's JSON), with the API's security headers; to HEAD, its headers only (content-length still says how long the body is). */
function writeAnswer(res: ServerResponse, answer: HttpResponseInit, method: string): void {
  const bytes = Buffer.from(JSON.stringify(answer.jsonBody));
  res.writeHead(answer.status ?? 500, { ...(answer.headers as Record<string, string>), 'content-length': String(bytes.length), ...API_SECURITY_HEADERS });
  res.end(method === 'HEAD' ? undefined : bytes);
}
