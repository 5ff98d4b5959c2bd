import type { Server } from 'node:http';
import { createServices, services, setServices } from '../app/services.js';
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
}

/** Serves every function module on node:http, with services built from `env`. */
export async function startLocalApi(options: StartLocalApiOptions): Promise<LocalApi> {
  setServices(createServices(options.env));
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
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  return { url: `http://${host}:${port}/${routePrefix}`, port, server, close: () => close(server) };
}
