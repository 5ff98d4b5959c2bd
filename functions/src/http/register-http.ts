import azf, { type HttpHandler, type HttpMethod } from '@azure/functions';
import { readPlatform, readSettings } from '../settings/read-settings.js';

/** One HTTP function: its name, methods and route (ASP.NET route template, under /api). */
export interface HttpRoute {
  name: string;
  methods: HttpMethod[];
  route: string;
  handler: HttpHandler;
  /** Its own cap on a request body (a plan document), instead of the MAX_BODY_BYTES setting. */
  maxBodyBytes?: number;
}

let localAdapter = false;
let settingsChecked = false;

/**
 * In the Functions host (in Azure, or `func start`), the settings are read when the first
 * function registers, so a deployment that would fail open (AUTH_MODE unset in Azure, dev tokens
 * there, App Service Authentication mode without Easy Auth) refuses to start: the worker cannot
 * load the functions and the host logs why. A unit test importing a module (no host) is left alone.
 */
function assertSettingsInHost(env: Record<string, string | undefined>): void {
  if (settingsChecked || !(readPlatform(env).inAzure || env.FUNCTIONS_WORKER_RUNTIME)) return;
  readSettings(env);
  settingsChecked = true;
}

/** Called by the local node:http adapter before it imports the function modules. */
export function useLocalAdapter(): void {
  localAdapter = true;
}

/**
 * Registers a function with the Functions host (app.http) and returns its definition, which
 * each module exports so the local adapter serves the same routes: routes are defined once.
 * Under the local adapter there is no host to register with. A GET route answers HEAD too, in
 * both: the same handler runs, and the response goes out with its headers and without a body
 * (the host's server drops it; the local adapter does not write it).
 */
export function registerHttp(definition: HttpRoute): HttpRoute {
  const route =
    definition.methods.includes('GET') && !definition.methods.includes('HEAD')
      ? { ...definition, methods: [...definition.methods, 'HEAD' as const] }
      : definition;
  if (!localAdapter) {
    assertSettingsInHost(process.env);
    azf.app.http(route.name, { methods: route.methods, route: route.route, authLevel: 'anonymous', handler: route.handler });
  }
  return route;
}

/** Route parameter for a period or year that is not a file name: `{period}.xlsx` is another function. */
export const NOT_A_FILE = 'regex(^[^.]+$)';
