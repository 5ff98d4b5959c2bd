import azf, { type HttpHandler, type HttpMethod } from '@azure/functions';

/** One HTTP function: its name, methods and route (ASP.NET route template, under /api). */
export interface HttpRoute {
  name: string;
  methods: HttpMethod[];
  route: string;
  handler: HttpHandler;
}

let localAdapter = false;

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
  const route = definition.methods.includes('GET') && !definition.methods.includes('HEAD') ? { ...definition, methods: [...definition.methods, 'HEAD' as const] } : definition;
  if (!localAdapter) {
    azf.app.http(route.name, { methods: route.methods, route: route.route, authLevel: 'anonymous', handler: route.handler });
  }
  return route;
}

/** Route parameter for a period or year that is not a file name: `{period}.xlsx` is another function. */
export const NOT_A_FILE = 'regex(^[^.]+$)';
