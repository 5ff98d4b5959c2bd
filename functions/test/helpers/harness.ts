import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadCatalogue, type Actor } from '@zj/shared';
import {
  apiErrorBodySchema,
  possibleErrors,
  ROUTE_NAMES,
  ROUTES,
  UNROUTED_ERRORS,
  routePath,
  type ApiErrorBody,
  type RouteBodyInput,
  type RouteName,
  type RouteParams,
  type RouteQueryInput,
  type RouteResponse,
  type RouteSpec,
  type RouteStatus,
} from '@zj/shared/api';
import { hostRouteTemplate } from '../../src/http/route-handler.js';
import { compileRoute } from '../../src/local/route-template.js';
import { demoUsers } from '../../src/auth/demo-users.js';
import { signDevToken } from '../../src/auth/dev-tokens.js';
import { type AzuriteHandle, azuriteStopLine, startAzurite } from '../../src/local/start-azurite.js';
import { startLocalApi, type LocalApi } from '../../src/local/start-local-api.js';
import { entraUsersOf, startLocalOpenIdProvider, type LocalOpenIdProvider } from './local-openid-provider.js';
import { startCountingProxy, type CountingProxy } from './counting-proxy.js';

export const TEST_SECRET = 'functions-test-secret-0123456789-abcdefghij';
export const TEST_MAX_BODY_BYTES = 64 * 1024;

export interface Harness {
  azurite: AzuriteHandle;
  api: LocalApi;
  users: Actor[];
  /** Bearer token of each demo user, by user id: a dev token, or in entra mode one the local provider issued. */
  tokens: Record<string, string>;
  /** entra mode: the local OpenID provider that signs the users in. */
  provider: LocalOpenIdProvider | null;
  /** With `countStorage`: the proxy between the API and Azurite, and the storage calls it saw. */
  storageCalls: CountingProxy | null;
  /** Stops Azurite gracefully and starts it again on the same folder and ports. */
  restartAzurite(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** dev-token (the default): demo tokens; entra: a local OpenID provider signs every demo user in. */
  auth?: 'dev-token' | 'entra';
  /** A built task pane the adapter serves beside the API. */
  staticDir?: string;
  /** Put a counting proxy between the API and Azurite (harness.storageCalls). */
  countStorage?: boolean;
}

/**
 * A real Azurite on free ports with a temporary folder, and the node:http adapter on a free
 * port talking to it (serving a built task pane from `staticDir`, if given): tests speak real
 * HTTP over loopback. Always stop() it in afterAll.
 */
export async function startHarness(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const users = demoUsers(loadCatalogue());
  const provider = options.auth === 'entra' ? await startLocalOpenIdProvider({ users: entraUsersOf(users) }) : null;
  const location = mkdtempSync(join(tmpdir(), 'zj-azurite-'));
  let azurite = await startAzurite({ location });
  const storageCalls = options.countStorage ? await startCountingProxy(azurite.connectionString) : null;
  const api = await startLocalApi({
    env: {
      STORAGE_CONNECTION_STRING: storageCalls?.connectionString ?? azurite.connectionString,
      ...(provider ? provider.apiEnv : { AUTH_MODE: 'dev-token', DEV_TOKEN_SECRET: TEST_SECRET }),
      MAX_BODY_BYTES: String(TEST_MAX_BODY_BYTES),
      STORAGE_TIMEOUT_MS: '3000',
      ...env,
    },
    // Keys are fetched again at once for a key id not seen yet (rollover tests need no 30 s wait).
    ...(provider ? { services: { entra: { fetch: provider.fetch, jwksCooldownMs: 0 } } } : {}),
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
  });
  const tokens: Record<string, string> = {};
  for (const u of users) tokens[u.id] = provider ? await provider.signIn(u.id) : await signDevToken(TEST_SECRET, u);
  const harness: Harness = {
    azurite,
    api,
    users,
    tokens,
    provider,
    storageCalls,
    async restartAzurite() {
      // What a restart keeps is only what Azurite saved while stopping: say so when it did not.
      const stopped = await azurite.stop();
      if (!stopped.saved) throw new Error(azuriteStopLine(stopped, location));
      azurite = await startAzurite({ location, ports: azurite.ports });
      harness.azurite = azurite;
    },
    async stop() {
      await api.close();
      await storageCalls?.close();
      await azurite.stop();
      await provider?.close();
      rmSync(location, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  /** The answer: JSON parsed, a file's bytes as a Buffer, other text as is. */
  body: T;
  /** The error an error status answered (its ApiErrorBody's `error`), else undefined. */
  error: ApiErrorBody['error'] | undefined;
}

interface SendOptions {
  token?: string | null;
  /** Sent as is, with the given content type (or none): for bodies the route's schema would refuse to type. */
  raw?: { body: string | Uint8Array; contentType?: string };
  headers?: Record<string, string>;
}

/** A request to a route of the table: its params and JSON body typed by the table. */
export type RouteCallOptions<N extends RouteName> = SendOptions &
  (keyof RouteParams<N> extends never ? { params?: undefined } : { params: RouteParams<N> }) & {
    json?: RouteBodyInput<N>;
    /** Its query parameters (QUERY_PARAMS), as the table types them. */
    query?: RouteQueryInput<N>;
    /** A JSON body the route's schema may refuse, sent as is (bad-input tests). */
    jsonAsIs?: unknown;
    /** HEAD instead of the route's GET. */
    head?: boolean;
  };

/** A request by method and path, for what the table does not declare (an unknown path, a method no route has). */
export interface CallOptions extends SendOptions {
  json?: unknown;
}

type Answer<N extends RouteName> = RouteResponse<N, RouteStatus<N>, Buffer>;

/**
 * One HTTP request to the API at `base` (…/api), derived from the route table:
 * `call(base, 'submitReturn', { params: { park, period }, json, token })` builds the path and
 * method from the table and types the answer. By method and path, `call(base, 'DELETE', '/x')`
 * sends anything. Either way, every answer is checked against the table (checkAnswer): a test
 * that passes is also a test that the server keeps the contract.
 */
export async function call<N extends RouteName>(base: string, route: N, options: RouteCallOptions<N>): Promise<CallResult<Answer<N>>>;
export async function call<T = any>(base: string, method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
export async function call(base: string, routeOrMethod: string, pathOrOptions?: string | object, maybeOptions: CallOptions = {}): Promise<CallResult<unknown>> {
  if (typeof pathOrOptions === 'string') return send(base, routeOrMethod.toUpperCase(), pathOrOptions, maybeOptions);
  const name = routeOrMethod as RouteName;
  const options = (pathOrOptions ?? {}) as RouteCallOptions<RouteName>;
  const route = ROUTES[name];
  const path = routePath(name, (options.params ?? {}) as never, (options.query ?? {}) as never);
  const json = options.jsonAsIs !== undefined ? options.jsonAsIs : options.json;
  const { token, raw, headers } = options;
  return send(base, options.head ? 'HEAD' : route.method, path, {
    ...(token !== undefined ? { token } : {}),
    ...(raw ? { raw } : {}),
    ...(headers ? { headers } : {}),
    ...(json !== undefined ? { json } : {}),
  });
}

async function send(base: string, method: string, path: string, options: CallOptions): Promise<CallResult<unknown>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    if (options.raw.contentType) headers['content-type'] = options.raw.contentType;
    body = options.raw.body;
  }
  const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  let parsed: unknown = bytes.toString('utf8');
  if (bytes.length === 0) parsed = null;
  else if (type.startsWith('application/json')) parsed = JSON.parse(bytes.toString('utf8'));
  else if (!type.startsWith('text/')) parsed = bytes;
  checkAnswer(method, path, response.status, type, parsed);
  const error = response.status >= 400 ? (parsed as ApiErrorBody | null)?.error : undefined;
  return { status: response.status, headers: response.headers, body: parsed, error };
}

const MATCHERS = ROUTE_NAMES.map((name) => ({ name, route: ROUTES[name] as RouteSpec, template: compileRoute(hostRouteTemplate(ROUTES[name].path)) }));

/** The route of the table a request reaches (HEAD reaches a GET route), or null. */
export function routeOf(method: string, path: string): RouteName | null {
  const pathname = path.split('?')[0]!;
  return (
    MATCHERS.find((m) => (m.route.method === method || (method === 'HEAD' && m.route.method === 'GET')) && m.template.match(pathname) !== null)?.name ?? null
  );
}

/**
 * The answer as the route table says it must be, or the test fails: a success status the route
 * declares, with a body its schema accepts and nothing the schema does not name (a field the
 * contract lacks would be dropped by the pane's client); an error body with a code the route may
 * answer (possibleErrors). A path no route has answers route_not_found or method_not_allowed.
 */
export function checkAnswer(method: string, path: string, status: number, contentType: string, body: unknown): void {
  const pathname = path.split('?')[0]!;
  const matching = MATCHERS.filter((m) => m.template.match(pathname) !== null);
  const hit = matching.find((m) => m.route.method === method || (method === 'HEAD' && m.route.method === 'GET'));
  const where = `${method} ${path} → ${status}`;
  if (status >= 400) {
    if (method === 'HEAD' || status === 503 || status === 500) return; // HEAD has no body; faults are any route's
    const parsed = apiErrorBodySchema.safeParse(body);
    if (!parsed.success) throw new Error(`${where}: the error body is not an ApiErrorBody: ${JSON.stringify(parsed.error.issues)}`);
    const allowed: string[] = hit ? possibleErrors(hit.route) : [matching.length > 0 ? UNROUTED_ERRORS.wrongMethod : UNROUTED_ERRORS.noPath];
    if (!allowed.includes(parsed.data.error.code)) {
      throw new Error(
        `${where}: code ${parsed.data.error.code} is not among those the route table declares for ${hit?.name ?? 'no route'}: ${allowed.join(', ')}`,
      );
    }
    return;
  }
  if (!hit) throw new Error(`${where}: succeeded, but no route of the table serves it`);
  const answer = hit.route.responses[status];
  if (!answer) throw new Error(`${where}: ${hit.name} does not declare status ${status}`);
  if (method === 'HEAD') return;
  if (answer.content.kind === 'none') {
    if (body !== null) throw new Error(`${where}: ${hit.name} declares no body for ${status}, and one came`);
    return;
  }
  if (answer.content.kind === 'file') {
    if (!contentType.startsWith(answer.content.contentType))
      throw new Error(`${where}: content type ${contentType}, the table says ${answer.content.contentType}`);
    return;
  }
  const parsed = answer.content.schema.safeParse(body);
  if (!parsed.success) throw new Error(`${where}: the body is not what ${hit.name} declares: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);
  if (!isDeepStrictEqual(parsed.data, body))
    throw new Error(`${where}: the body has fields ${hit.name}'s schema does not declare: ${undeclared(body, parsed.data).slice(0, 5).join(', ')}`);
}

/** Paths of what `raw` has and `kept` (the schema's output) dropped. */
function undeclared(raw: unknown, kept: unknown, at = ''): string[] {
  if (typeof raw !== 'object' || raw === null || typeof kept !== 'object' || kept === null) return [];
  return Object.entries(raw).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    return key in kept ? undeclared(value, (kept as Record<string, unknown>)[key], path) : [path];
  });
}
