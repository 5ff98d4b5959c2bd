import type { Server } from 'node:http';
import { createServices, services, setServices, type ServicesOptions } from '../app/services.js';
import { isLoopbackHost } from '../settings/read-settings.js';
import type { Settings } from '../settings/settings.js';
import { discoverFunctions } from './discover-functions.js';
import { readRoutePrefix } from './read-host-json.js';
import { close, createLocalServer, listen } from './serve-api.js';

export interface LocalApi {
  /** Base URL of the API, e.g. http://127.0.0.1:7071/api */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface StartLocalApiOptions {
  /** The settings, as the Functions host would put them in the environment. */
  env: Record<string, string | undefined>;
  port?: number;
  host?: string;
  staticDir?: string | null;
  log?: (line: string) => void;
  /** Warnings and errors of the functions (default: stderr). */
  logProblem?: (line: string) => void;
  /** Test seams of the services (the Entra verifier's outbound HTTP and key-cache cooldown). */
  services?: ServicesOptions;
}

/**
 * Serves every function module on node:http, with services built from `env`. Refuses, before
 * listening, what would be unsafe here (assertSafeToServe).
 */
export async function startLocalApi(options: StartLocalApiOptions): Promise<LocalApi> {
  const host = options.host ?? '127.0.0.1';
  const built = createServices(options.env, options.services);
  assertSafeToServe(built.settings, host);
  setServices(built);
  const { settings } = services();
  const routePrefix = readRoutePrefix();
  const server = createLocalServer({
    routes: await discoverFunctions(),
    routePrefix,
    maxBodyBytes: settings.maxBodyBytes,
    corsOrigins: settings.corsOrigins,
    staticDir: options.staticDir ?? null,
    ...(options.log ? { log: options.log } : {}),
    ...(options.logProblem ? { logProblem: options.logProblem } : {}),
  });
  const port = await listen(server, options.port ?? 0, host);
  return { url: `http://${host}:${port}/${routePrefix}`, port, server, close: () => close(server) };
}

/**
 * The local adapter is a developer's server. Dev tokens are served on loopback only, unless the
 * README's opt-in for a demo on a trusted LAN (ALLOW_DEV_TOKENS_ON_LAN=yes) is given; App Service
 * Authentication mode never runs here, since nothing strips a client's x-ms-client-principal
 * headers in front of it.
 */
export function assertSafeToServe(settings: Settings, host: string): void {
  if (settings.authMode === 'app-service') {
    throw new Error(
      'AUTH_MODE=app-service cannot run on the local server: no App Service Authentication is in front of it, so anyone could send its headers. Use AUTH_MODE=entra or dev-token.',
    );
  }
  if (settings.authMode === 'dev-token' && !isLoopbackHost(host) && !settings.devTokensOnLan) {
    throw new Error(
      `HOST=${host} would let other machines in with dev tokens, which anyone holding this machine's secret can mint. ` +
        'Listen on 127.0.0.1 (the default), use AUTH_MODE=entra, or, for a demo on a network you trust, set ALLOW_DEV_TOKENS_ON_LAN=yes (README, "A demo on a trusted LAN").',
    );
  }
}
