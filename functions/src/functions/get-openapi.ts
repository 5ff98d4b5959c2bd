import { openApiDocument } from '@zj/shared/api';
import { ERROR_STATUS } from '../http/error-response.js';
import { registerRoute, routeHandler } from '../http/route-handler.js';

let document: ReturnType<typeof openApiDocument> | null = null;

/** GET /api/openapi.json: this API as an OpenAPI 3.1 document, generated from the route table. Anyone may read it. */
export const getOpenApi = routeHandler('getOpenApi', null, async () => {
  document ??= openApiDocument(ERROR_STATUS);
  return { status: 200, body: document as { openapi: string; info: { title: string; version: string }; paths: Record<string, unknown> } };
});

export const registration = registerRoute('getOpenApi', getOpenApi);
