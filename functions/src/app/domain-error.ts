import type { ApiErrorCode, ApiMessageVariant, Issue, IssueParams, Lang } from '@zj/shared/api';

/** A param whose text differs by language: a park's or a role's name (金山园 / Jinshan Park). */
export type LocalizedParam = Readonly<Record<Lang, string>>;

/** Params of an error's message: as in IssueParams, or a text per language. */
export type ErrorParams = Readonly<Record<string, IssueParams[string] | LocalizedParam>>;

export interface DomainErrorDetails {
  /** Every problem found, each with its path (a refused submission lists them). */
  issues?: readonly Issue[];
  /** A more precise text of the same table for the same code (the code, which clients branch on, stays). */
  messageKey?: ApiMessageVariant;
  /** The server's current template version, when the refusal is that the client's is not it. */
  currentTemplateVersion?: string;
}

/**
 * A request refused for a reason the caller can act on: a stable code of the API (ApiErrorCode,
 * so a mistyped code fails to compile), the params of its message, and details. It carries no
 * HTTP status: app/ decides what is refused, the edge (http/error-response.ts) alone decides how
 * that is answered.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly params: ErrorParams = {},
    readonly details: DomainErrorDetails = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** The params as one language reads them. */
export function paramsIn(params: ErrorParams, lang: Lang): IssueParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[lang] : value]));
}
