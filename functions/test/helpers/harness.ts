import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue, type Actor } from '@zj/shared';
import { demoUsers } from '../../src/auth/demo-users.js';
import { signDevToken } from '../../src/auth/dev-tokens.js';
import { startAzurite, type AzuriteHandle } from '../../src/local/start-azurite.js';
import { startLocalApi, type LocalApi } from '../../src/local/start-local-api.js';

export const TEST_SECRET = 'functions-test-secret-0123456789-abcdefghij';
export const TEST_MAX_BODY_BYTES = 64 * 1024;

export interface Harness {
  azurite: AzuriteHandle;
  api: LocalApi;
  users: Actor[];
  /** Bearer token of each demo user, by user id. */
  tokens: Record<string, string>;
  /** Stops Azurite gracefully and starts it again on the same folder and ports. */
  restartAzurite(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real Azurite on free ports with a temporary folder, and the node:http adapter on a free
 * port talking to it: tests speak real HTTP over loopback. Always stop() it in afterAll.
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const location = mkdtempSync(join(tmpdir(), 'zj-azurite-'));
  let azurite = await startAzurite({ location });
  const api = await startLocalApi({
    env: {
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      AUTH_MODE: 'dev-token',
      DEV_TOKEN_SECRET: TEST_SECRET,
      MAX_BODY_BYTES: String(TEST_MAX_BODY_BYTES),
      STORAGE_TIMEOUT_MS: '3000',
      ...env,
    },
  });
  const users = demoUsers(loadCatalogue());
  const tokens: Record<string, string> = {};
  for (const u of users) tokens[u.id] = await signDevToken(TEST_SECRET, u);
  const harness: Harness = {
    azurite,
    api,
    users,
    tokens,
    async restartAzurite() {
      await azurite.stop();
      azurite = await startAzurite({ location, ports: azurite.ports });
      harness.azurite = azurite;
    },
    async stop() {
      await api.close();
      await azurite.stop();
      rmSync(location, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string | null;
  json?: unknown;
  /** Sent as is, with the given content type (or none). */
  raw?: { body: string | Uint8Array; contentType?: string };
  headers?: Record<string, string>;
}

/** One HTTP request to the API at `base` (…/api); the JSON body parsed when there is one. */
export async function call<T = any>(base: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
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
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}
