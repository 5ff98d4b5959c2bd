import { z } from 'zod';
import { API_SCHEMAS } from './documents.js';
import type { ApiErrorCode } from './errors.js';
import {
  PATH_PARAMS,
  pathParamNames,
  possibleErrors,
  QUERY_PARAMS,
  REQUEST_HEADERS,
  RESPONSE_HEADERS,
  ROUTE_NAMES,
  ROUTES,
  type Content,
  type PathParamName,
  type RouteSpec,
} from './routes.js';

type JsonObject = Record<string, unknown>;

const COMPONENT = (id: string) => `#/components/schemas/${id}`;

/** What an error status means, for the description of its response. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Not acceptable',
  423: 'Locked',
  500: 'Internal error',
  503: 'Storage unavailable',
};

/** The HTTP status of each error code: the edge decides it (functions/src/http/error-response.ts). */
export type ErrorStatus = Readonly<Record<ApiErrorCode, number>>;

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the route table (routes.ts) with
 * zod's JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1): every route with its
 * parameters, body and answers, and each error status with the codes the route may answer
 * there. Served as GET /api/openapi.json.
 */
export function openApiDocument(errorStatus: ErrorStatus): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: '张江高新区分园指标填报 API · Zhangjiang park indicator returns',
      version: '1',
      description:
        'Templates, returns (validate, submit, drafts, versions, reviews), period locks, consolidation and annual evaluation. Errors answer `{ error: { code, message: { zh, en }, issues? } }` with a stable code.',
    },
    servers: [{ url: '/api' }],
    tags: [...new Set(ROUTE_NAMES.map((n) => ROUTES[n].tag))].map((name) => ({ name })),
    paths: paths(errorStatus),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token of the signed-in user (locally, a demo token that `npm start` prints).' },
      },
    },
  };
}

function paths(errorStatus: ErrorStatus): JsonObject {
  const out: Record<string, JsonObject> = {};
  for (const name of ROUTE_NAMES) {
    const route: RouteSpec = ROUTES[name];
    (out[route.path] ??= {})[route.method.toLowerCase()] = operation(name, route, errorStatus);
  }
  return out;
}

function operation(name: string, route: RouteSpec, errorStatus: ErrorStatus): JsonObject {
  const parameters = [
    ...pathParamNames(route.path).map((param) => ({ name: param, in: 'path', required: true, schema: inline(PATH_PARAMS[param as PathParamName]) })),
    ...(route.query ?? []).map((param) => ({
      name: param,
      in: 'query',
      required: false,
      description: QUERY_PARAMS[param].description,
      schema: inline(QUERY_PARAMS[param].schema),
    })),
    ...(route.headers ?? []).map((header) => ({
      name: header,
      in: 'header',
      required: false,
      description: REQUEST_HEADERS[header].description,
      schema: inline(REQUEST_HEADERS[header].schema),
    })),
  ];
  return {
    operationId: name,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.auth ? [{ bearer: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: content(route.body) } } : {}),
    responses: { ...successResponses(route), ...errorResponses(possibleErrors(route), errorStatus) },
  };
}

function successResponses(route: RouteSpec): JsonObject {
  return Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => [
      status,
      {
        description: response.description,
        ...(response.headers?.length
          ? { headers: Object.fromEntries(response.headers.map((h) => [h, { description: RESPONSE_HEADERS[h], schema: { type: 'string' } }])) }
          : {}),
        ...(response.content.kind === 'none' ? {} : { content: content(response.content) }),
      },
    ]),
  );
}

/** One response per error status, listing the codes the route may answer with it. */
function errorResponses(codes: readonly ApiErrorCode[], errorStatus: ErrorStatus): JsonObject {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: `${STATUS_TEXT[status] ?? 'Error'}: ${list.join(', ')}`,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  { $ref: COMPONENT('ApiErrorBody') },
                  { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: list } } } } },
                ],
              },
            },
          },
        },
      ]),
  );
}

function content(body: Content): JsonObject {
  if (body.kind === 'file') return { [body.contentType]: { schema: { type: 'string', contentMediaType: body.contentType } } };
  if (body.kind === 'form') {
    const fields = Object.fromEntries(
      Object.entries(body.fields).map(([name, field]) => [
        name,
        { type: 'string', contentMediaType: 'application/json', contentSchema: reference(field.schema) },
      ]),
    );
    return {
      'multipart/form-data': {
        schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: body.file.contentType }, ...fields }, required: ['file'] },
      },
      ...content(body.file),
    };
  }
  return { 'application/json': { schema: reference(body.schema) } };
}

/** A $ref to the schema's component when it has one, else the schema inline. */
function reference(schema: z.ZodType): JsonObject {
  const id = API_SCHEMAS.get(schema)?.id;
  return id ? { $ref: COMPONENT(id) } : inline(schema);
}

function inline(schema: z.ZodType): JsonObject {
  return strip(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonObject);
}

function componentSchemas(): JsonObject {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, { uri: COMPONENT, io: 'output', unrepresentable: 'any' });
  return Object.fromEntries(
    Object.entries(schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, schema]) => [id, strip(schema as JsonObject)]),
  );
}

/** Drops what a schema in an OpenAPI document does not carry: its own dialect and id. */
function strip({ $schema: _dialect, $id: _id, ...rest }: JsonObject): JsonObject {
  return rest;
}
