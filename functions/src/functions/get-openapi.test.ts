import type { Server } from 'node:http';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostRouteTemplate } from '../http/route-handler.js';
import type { HttpRoute } from '../http/register-http.js';
import { discoverFunctions } from '../local/discover-functions.js';
import { close, createLocalServer, listen } from '../local/serve-api.js';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

// GET /api/openapi.json served by the registered functions on the local adapter (the same
// handlers the Functions host runs), anonymously, as a client reads it.
let registered: HttpRoute[];
let server: Server;
let base: string;
let document: Json;

beforeAll(async () => {
  registered = await discoverFunctions();
  server = createLocalServer({ routes: registered, routePrefix: 'api', maxBodyBytes: 1024, corsOrigins: [], staticDir: null });
  base = `http://127.0.0.1:${await listen(server, 0)}/api`;
  const response = await fetch(`${base}/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  document = (await response.json()) as Json;
});
afterAll(async () => {
  await close(server);
});

/** Each operation of the document as "METHOD /path". */
const operations = (doc: Json) =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.keys(item as Json)
      .filter((k) => METHODS.includes(k))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document (the OpenAPI Initiative schema, via @seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has only schemas that are valid JSON Schema 2020-12 (the dialect of OpenAPI 3.1, which the document schema leaves open)', () => {
    const ajv = new Ajv2020({ strict: false });
    const schemas: [string, Json][] = [];
    const collect = (value: unknown, at: string): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'schema' && typeof inner === 'object') schemas.push([`${at}.schema`, inner as Json]);
        else collect(inner, `${at}.${key}`);
      }
    };
    collect(document.paths, 'paths');
    for (const [id, schema] of Object.entries(document.components.schemas as Json)) schemas.push([`components.schemas.${id}`, schema as Json]);
    expect(schemas.length).toBeGreaterThan(100);
    for (const [at, schema] of schemas) expect(ajv.validateSchema(schema), `${at}: ${ajv.errorsText()}`).toBe(true);
  });

  it('names every registered function, and registers every operation it names', () => {
    // A registration is its route name (operationId), methods and host route template; HEAD is the host's echo of GET.
    const fromRegistrations = registered.flatMap((r) => r.methods.filter((m) => m !== 'HEAD').map((m) => `${r.name} ${m} ${r.route}`)).sort();
    const fromDocument = Object.entries(document.paths as Json)
      .flatMap(([path, item]) =>
        Object.entries(item as Json)
          .filter(([m]) => METHODS.includes(m))
          .map(([m, op]) => `${(op as Json).operationId} ${m.toUpperCase()} ${hostRouteTemplate(path)}`),
      )
      .sort();
    expect(fromDocument).toEqual(fromRegistrations);
    expect(operations(document).length).toBeGreaterThanOrEqual(21);
  });

  it('declares every path parameter, and every $ref points at a component it has', () => {
    for (const [path, item] of Object.entries(document.paths as Json)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(item as Json)) {
        const declared = ((op as Json).parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
        expect(declared, path).toEqual(names);
      }
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) expect(document.components.schemas, ref).toHaveProperty([ref]);
  });

  it('lists the error codes of each error status, with the shared error body', () => {
    const submit = document.paths['/returns/{park}/{period}'].post;
    expect(Object.keys(submit.responses).sort()).toEqual(['200', '201', '400', '401', '403', '404', '409', '413', '415', '422', '423', '500', '503']);
    expect(submit.responses['409'].content['application/json'].schema.allOf[1].properties.error.properties.code.enum.sort()).toEqual([
      'idempotency_key_reused',
      'period_not_started',
      'stale_template',
      'version_conflict',
    ]);
    expect(submit.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ReturnInput' });
    const upload = document.paths['/returns/{park}/{period}/upload'].post;
    // The workbook alone, or a form with the explanations written in the task pane beside it.
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(Object.keys(upload.requestBody.content['multipart/form-data'].schema.properties)).toEqual(['file', 'explanations']);
    expect(upload.requestBody.content['multipart/form-data'].schema.required).toEqual(['file']);
    expect(Object.keys(document.paths['/evaluation/{year}.xlsx'].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(document.paths['/openapi.json'].get.security).toEqual([]);
    expect(document.paths['/parks'].get.security).toEqual([{ bearer: [] }]);
  });

  it('says the templates answer 304 without content to If-None-Match', () => {
    for (const path of ['/templates/{park}/{period}', '/templates/{park}/{period}.xlsx']) {
      const get = document.paths[path].get;
      expect(get.parameters.find((p: Json) => p.in === 'header')?.name).toBe('if-none-match');
      expect(get.responses['304']).toEqual({ description: expect.stringContaining('If-None-Match'), headers: { etag: expect.any(Object) } });
    }
  });
});
