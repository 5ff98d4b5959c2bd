import type { Issue, IssueParams, Lang } from '@zj/shared';

/** A param whose text differs by language: a park's or a role's name (金山园 / Jinshan Park). */
export type LocalizedParam = Readonly<Record<Lang, string>>;

/** Params of an API message: as in IssueParams, or a text per language. */
export type ApiErrorParams = Readonly<Record<string, IssueParams[string] | LocalizedParam>>;

/**
 * A refusal the client can act on: an HTTP status, a stable code from the API message table
 * (shared/src/api/api-messages.ts) and its params. Thrown by handlers, turned into an
 * ApiErrorBody by withApiErrors and nowhere else. `messageKey` picks a more precise text of the
 * same table for the same code (the code is what clients branch on; it stays stable).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: ApiErrorParams = {},
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
    readonly messageKey: string = code,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

/** The params as one language reads them. */
export function paramsIn(params: ApiErrorParams, lang: Lang): IssueParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[lang] : value]));
}
