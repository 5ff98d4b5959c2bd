import { makeIssue, type Issue, type ReturnInput } from '@zj/shared';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

const MAX_KEYS = 1000;
const MAX_CELL_CHARS = 200;
const MAX_EXPLANATION_CHARS = 4000;

/**
 * Checks the shape of a ReturnInput (types only: the figures themselves are read by
 * validateReturn). Collects every problem, each with its path.
 */
export function parseReturnInput(body: unknown): ParseResult<ReturnInput> {
  const issues: Issue[] = [];
  const bad = (path: string, expected: string) => issues.push(makeIssue('body_field_invalid', 'error', path, { field: path, expected }));
  if (!isObject(body)) {
    bad('(body)', 'object');
    return { ok: false, issues };
  }
  if (typeof body.templateVersion !== 'string' || body.templateVersion.length === 0 || body.templateVersion.length > 200) {
    bad('templateVersion', 'string');
  }
  const cells = (name: 'figures' | 'baselines', optional: boolean) => {
    const value = body[name];
    if (value === undefined && optional) return;
    if (!isObject(value) || Object.keys(value).length > MAX_KEYS) return bad(name, 'object');
    for (const [key, cell] of Object.entries(value)) {
      const ok = cell === null || (typeof cell === 'number' && Number.isFinite(cell)) || (typeof cell === 'string' && cell.length <= MAX_CELL_CHARS);
      if (!ok) bad(`${name}.${key}`, 'number | string | null');
    }
  };
  cells('figures', false);
  cells('baselines', true);
  if (body.explanations !== undefined) {
    if (!isObject(body.explanations) || Object.keys(body.explanations).length > MAX_KEYS) bad('explanations', 'object');
    else {
      for (const [key, text] of Object.entries(body.explanations)) {
        if (typeof text !== 'string' || text.length > MAX_EXPLANATION_CHARS) bad(`explanations.${key}`, 'string');
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const input: ReturnInput = {
    templateVersion: body.templateVersion as string,
    figures: body.figures as ReturnInput['figures'],
    ...(body.baselines !== undefined ? { baselines: body.baselines as NonNullable<ReturnInput['baselines']> } : {}),
    ...(body.explanations !== undefined ? { explanations: body.explanations as Record<string, string> } : {}),
  };
  return { ok: true, value: input };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
