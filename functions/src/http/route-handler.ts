import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Actor, Park } from '@zj/shared';
import {
  API_SECURITY_HEADERS,
  parseBody,
  parseQuery,
  pathParamNames,
  ROUTE_NAMES,
  ROUTES,
  type NoContentStatus,
  type RouteBody,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
  type RouteSpec,
  type RouteStatus,
} from '@zj/shared/api';
import type { Period } from '@zj/shared/periods';
import { DomainError } from '../app/domain-error.js';
import { services, type Services } from '../app/services.js';
import type { Action } from '../auth/permissions.js';
import { authorize, authorizePark } from './authorize.js';
import { errorResponse } from './error-response.js';
import { EncodedJson, encodedJsonResponse, jsonResponse } from './json-response.js';
import { readJsonBody } from './read-json-body.js';
import { NOT_A_FILE, registerHttp, type HttpRoute } from './register-http.js';

type NeedsUser<N extends RouteName> = (typeof ROUTES)[N]['auth'] extends true ? true : false;
type HasPark<N extends RouteName> = 'park' extends keyof RouteParams<N> ? true : false;

/**
 * For a route that needs a user: the services, who calls and, for a route about one park's
 * return, the park and period, resolved and allowed. A route anyone may call gets none of it.
 */
type Scope<N extends RouteName> =
  NeedsUser<N> extends true ? { svc: Services; actor: Actor } & (HasPark<N> extends true ? { park: Park; period: Period } : unknown) : unknown;

/** What a route's handler gets: the request, its params and query, its body checked by the table's schema, and its scope. */
export type RouteInput<N extends RouteName> = {
  request: HttpRequest;
  context: InvocationContext;
  params: RouteParams<N>;
  query: RouteQuery<N>;
  body: RouteBody<N>;
} & Scope<N>;

/**
 * What a route's handler answers: one of its declared statuses, with that status's body (bytes
 * for a file; none for 304; for JSON, the value or its bytes already encoded: EncodedJson).
 */
export type RouteResult<N extends RouteName> = {
  [S in RouteStatus<N>]: S extends NoContentStatus<N>
    ? { status: S; body?: undefined; headers?: Record<string, string> }
    : { status: S; body: RouteResponse<N, S> | EncodedJson<RouteResponse<N, S>>; headers?: Record<string, string> };
}[RouteStatus<N>];

/** The permission a route needs (auth/permissions.ts), for a route that needs a user. */
type ActionOf<N extends RouteName> = NeedsUser<N> extends true ? Action : null;

/**
 * The Functions handler of a route of the table (shared/src/api/routes.ts), derived from it: for
 * a route that needs a user, who calls (401) and whether they may (403), with the park (404) and
 * period (400) of a park's route; then its query parameters (400 invalid_query) and the JSON body
 * read (415, 413, 400) and checked by the route's schema (400 invalid_body, listing every field); then `handle`, whose answer is typed
 * by the route's responses and sent as JSON or as the file the route declares. Whatever is
 * thrown is answered by errorResponse, the one place errors become HTTP. Every answer carries
 * the API's security headers.
 */
export function routeHandler<N extends RouteName>(
  name: N,
  action: NoInfer<ActionOf<N>>,
  handle: NoInfer<(input: RouteInput<N>) => Promise<RouteResult<N>>>,
): HttpHandler {
  const route: RouteSpec = ROUTES[name];
  const parkRoute = pathParamNames(route.path).includes('park');
  return async (request, context) => secured(await answer(request, context));
  async function answer(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    try {
      const params = Object.fromEntries(pathParamNames(route.path).map((p) => [p, request.params[p] ?? ''])) as RouteParams<N>;
      const scope = action === null ? {} : parkRoute ? await authorizePark(request, action) : await authorize(request, action);
      const query = parseQuery(name, request.query);
      if (!query.ok) throw new DomainError('invalid_query', {}, { issues: query.issues });
      let body: unknown;
      if (route.body?.kind === 'json') {
        const checked = parseBody(route.body.schema, await readJsonBody(request, services().settings.maxBodyBytes));
        if (!checked.ok) throw new DomainError('invalid_body', {}, { issues: checked.issues });
        body = checked.value;
      }
      const input = { ...scope, request, context, params, query: query.value, body } as RouteInput<N>;
      const result: { status: number; body?: unknown; headers?: Record<string, string> } = await handle(input);
      const declared = route.responses[result.status];
      if (!declared) throw new Error(`route ${name} answered ${result.status}, which the route table does not declare`);
      if (declared.content.kind === 'none') return { status: result.status, headers: { 'cache-control': 'no-store', ...result.headers } };
      if (result.body instanceof EncodedJson) {
        if (declared.content.kind !== 'json') throw new Error(`route ${name} answered encoded JSON for a ${declared.content.kind} response`);
        return encodedJsonResponse(result.status, result.body, result.headers);
      }
      return declared.content.kind === 'json'
        ? jsonResponse(result.status, result.body, result.headers)
        : fileResponse(result.status, declared.content.contentType, result.body as Uint8Array, result.headers);
    } catch (error) {
      return errorResponse(error, context);
    }
  }
}

/** Every answer of the API, success or refusal, with the API's security headers (shared/src/api/security-headers.ts). */
function secured(response: HttpResponseInit): HttpResponseInit {
  return { ...response, headers: { ...(response.headers as Record<string, string> | undefined), ...API_SECURITY_HEADERS } };
}

function fileResponse(status: number, contentType: string, body: Uint8Array, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, body, headers: { 'content-type': contentType, 'content-length': String(body.byteLength), 'cache-control': 'no-store', ...headers } };
}

/** A download's Content-Disposition: the file name in plain ASCII for old clients and in UTF-8 (RFC 5987) for the Chinese name browsers show. */
export function attachment(asciiName: string, name: string): Record<string, string> {
  return { 'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}` };
}

/**
 * Registers a route's handler with the Functions host under the table's method and path, and
 * returns the registration the local adapter serves. A parameter alone in its segment does not
 * take a file name where another route serves `{param}.xlsx` there.
 */
export function registerRoute(name: RouteName, handler: HttpHandler): HttpRoute {
  const route = ROUTES[name];
  const cap: number | undefined = (route as RouteSpec).maxBodyBytes;
  return registerHttp({ name, methods: [route.method], route: hostRouteTemplate(route.path), handler, ...(cap ? { maxBodyBytes: cap } : {}) });
}

/** The Functions host's route template (under its /api prefix) of a table path. */
export function hostRouteTemplate(path: string): string {
  const segments = path.replace(/^\//, '').split('/');
  return segments
    .map((segment, i) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (param === undefined) return segment;
      const fileBeside = ROUTE_NAMES.some((other) => {
        const theirs = ROUTES[other].path.replace(/^\//, '').split('/');
        return (
          theirs.length === segments.length &&
          theirs.slice(0, i).join('/') === segments.slice(0, i).join('/') &&
          new RegExp(`^\\{${param}\\}\\.\\w+$`).test(theirs[i]!)
        );
      });
      return fileBeside ? `{${param}:${NOT_A_FILE}}` : segment;
    })
    .join('/');
}
