import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue, type Actor } from '@zj/shared';
import type { ServicesOptions } from '../../functions/src/app/services.js';
import { demoUsers } from '../../functions/src/auth/demo-users.js';
import { signDevToken } from '../../functions/src/auth/dev-tokens.js';
import { startAzurite, type AzuriteHandle } from '../../functions/src/local/start-azurite.js';
import { startLocalApi, type LocalApi } from '../../functions/src/local/start-local-api.js';

const SECRET = 'addin-browser-test-secret-0123456789-abcdef';

export interface Stack {
  /** Where the task pane is served (the API is under /api). */
  origin: string;
  api: string;
  /** Dev tokens of the demo users (dev-token mode; empty in entra mode). */
  tokens: Record<string, string>;
  users: Actor[];
  stop(): Promise<void>;
}

export interface StackOptions {
  /** The task pane build to serve (each test builds its own). */
  staticDir: string;
  /** Settings over dev-token mode's (entra mode: the local OpenID provider's apiEnv). */
  env?: Record<string, string>;
  services?: ServicesOptions;
  port?: number;
}

/**
 * The real local stack, as `npm start` runs it (functions/src/local): Azurite on free ports with
 * a throw-away folder, the API on the node:http adapter, and the built task pane from `staticDir`.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const location = mkdtempSync(join(tmpdir(), 'zj-addin-azurite-'));
  let azurite: AzuriteHandle | null = null;
  let api: LocalApi | null = null;
  const devTokens = !options.env?.AUTH_MODE || options.env.AUTH_MODE === 'dev-token';
  try {
    azurite = await startAzurite({ location });
    api = await startLocalApi({
      env: {
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        ...(devTokens ? { AUTH_MODE: 'dev-token', DEV_TOKEN_SECRET: SECRET } : {}),
        STORAGE_TIMEOUT_MS: '5000',
        ...options.env,
      },
      staticDir: options.staticDir,
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.services ? { services: options.services } : {}),
    });
  } catch (error) {
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
    throw error;
  }
  const users = demoUsers(loadCatalogue());
  const tokens: Record<string, string> = {};
  if (devTokens) for (const u of users) tokens[u.id] = await signDevToken(SECRET, u);
  const running = { api, azurite };
  return {
    origin: api.url.replace(/\/api$/, ''),
    api: api.url,
    tokens,
    users,
    async stop() {
      await running.api.close();
      await running.azurite.stop();
      rmSync(location, { recursive: true, force: true });
    },
  };
}
