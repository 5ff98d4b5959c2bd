import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HOST_JSON = fileURLToPath(new URL('../../host.json', import.meta.url));

/** The route prefix the Functions host puts before every route ("api" unless host.json says otherwise). */
export function readRoutePrefix(path = HOST_JSON): string {
  const host = JSON.parse(readFileSync(path, 'utf8')) as { extensions?: { http?: { routePrefix?: string } } };
  return (host.extensions?.http?.routePrefix ?? 'api').replace(/^\/+|\/+$/g, '');
}
