import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBody, parseQuery, pathParamNames, possibleErrors, ROUTE_NAMES, ROUTES, routePath } from './routes.js';
import { returnInputSchema, reviewInputSchema, versionsCursor } from './returns.js';
import { extractTargetsRequestSchema } from './documents.js';

describe('the route table', () => {
  it('names each route once, by method and path', () => {
    const keys = ROUTE_NAMES.map((n) => `${ROUTES[n].method} ${ROUTES[n].path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('builds a path from its parameters, each URL-encoded', () => {
    expect(routePath('getReturnVersion', { park: 'jinshan', period: '2025Q1', version: '2' })).toBe('/returns/jinshan/2025Q1/versions/2');
    expect(routePath('getTemplateXlsx', { park: '金山', period: '2025/1' })).toBe('/templates/%E9%87%91%E5%B1%B1/2025%2F1.xlsx');
    expect(() => routePath('getStatus', {} as never)).toThrow(/period missing/);
    expect(pathParamNames('/evaluation/{year}.xlsx')).toEqual(['year']);
  });

  it('adds the query parameters given, URL-encoded, and none that are absent', () => {
    expect(routePath('getReturn', { park: 'jinshan', period: '2025Q1' }, { limit: 5, continuation: 'v a&b' })).toBe(
      '/returns/jinshan/2025Q1?limit=5&continuation=v%20a%26b',
    );
    expect(routePath('getReturn', { park: 'jinshan', period: '2025Q1' }, { continuation: undefined })).toBe('/returns/jinshan/2025Q1');
  });

  it('reads the query parameters a route declares, listing each one that is wrong by its name', () => {
    const query = (pairs: Record<string, string>) => ({ get: (name: string) => pairs[name] ?? null });
    expect(parseQuery('getReturn', query({ limit: '7', continuation: versionsCursor(41), other: 'x' }))).toEqual({
      ok: true,
      value: { limit: 7, continuation: versionsCursor(41) },
    });
    expect(parseQuery('getReturn', query({}))).toEqual({ ok: true, value: {} });
    const bad = parseQuery('getReturn', query({ limit: '0', continuation: 'v1' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues.map((i) => [i.code, i.path, i.params.field])).toEqual([
        ['body_field_invalid', 'limit', 'limit'],
        ['body_field_invalid', 'continuation', 'continuation'],
      ]);
  });

  it('adds to each route the errors every such route may answer', () => {
    expect(possibleErrors(ROUTES.getOpenApi)).toEqual(['storage_unavailable', 'internal_error']);
    expect(possibleErrors(ROUTES.reviewReturn)).toEqual([
      'unauthenticated',
      'invalid_token',
      'auth_unavailable',
      'insufficient_scope',
      'no_app_role',
      'no_park',
      'park_not_in_catalogue',
      'ambiguous_assignment',
      'forbidden_role',
      'unsupported_media_type',
      'malformed_json',
      'body_too_large',
      'invalid_body',
      'unknown_park',
      'invalid_period',
      'forbidden_park',
      'review_comment_required',
      'return_not_found',
      'version_not_found',
      'review_not_latest',
      'review_not_pending',
      'version_conflict',
      'storage_unavailable',
      'internal_error',
    ]);
  });
});

describe('parseBody: every problem, each with its field and what was expected there', () => {
  const valid = { templateVersion: 'v1', figures: { a: 1, b: '3.4万', c: null }, explanations: { 'a:change_band': '新厂投产' } };

  it('passes a valid body, dropping fields the schema does not name', () => {
    expect(parseBody(returnInputSchema, { ...valid, extra: 1 })).toEqual({ ok: true, value: valid });
  });

  it.each([
    ['the body is not an object', null, [['(body)', 'object']]],
    ['the body is an array', [valid], [['(body)', 'object']]],
    [
      'templateVersion missing, figures an array',
      { figures: [1] },
      [
        ['templateVersion', 'string'],
        ['figures', 'object'],
      ],
    ],
    [
      'a figure of no cell type',
      { ...valid, figures: { a: { value: 1 }, b: true } },
      [
        ['figures.a', 'number | string | null'],
        ['figures.b', 'number | string | null'],
      ],
    ],
    ['an explanation that is not text', { ...valid, explanations: { a: 1 } }, [['explanations.a', 'string']]],
    ['a cell text over 200 characters', { ...valid, figures: { a: 'x'.repeat(201) } }, [['figures.a', 'text of at most 200 characters']]],
    ['an empty templateVersion', { ...valid, templateVersion: '' }, [['templateVersion', 'text of at least 1 characters']]],
  ])('%s', (_label, body, expected) => {
    const checked = parseBody(returnInputSchema, body);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => [i.path, i.params.expected])).toEqual(expected);
    for (const issue of checked.issues) {
      expect(issue.code).toBe('body_field_invalid');
      expect(issue.message.zh).toContain(`字段「${issue.path}」`);
      expect(issue.message.en).toContain(`Field '${issue.path}'`);
    }
  });

  it.each([
    [{ version: 0, decision: 'approve' }, [['version', 'a number ≥ 1']]],
    [{ version: 1.5, decision: 'approve' }, [['version', 'integer']]],
    [
      { version: '1', decision: 'maybe' },
      [
        ['version', 'number'],
        ['decision', '"approve" | "return"'],
      ],
    ],
  ])('a review %j', (body, expected) => {
    const checked = parseBody(reviewInputSchema, body);
    expect(checked.ok ? [] : checked.issues.map((i) => [i.path, i.params.expected])).toEqual(expected);
  });

  it('keeps a plan text as sent (offsets refer to it) and refuses a blank one', () => {
    expect(parseBody(extractTargetsRequestSchema, { text: '  到2026年…  ' })).toEqual({ ok: true, value: { text: '  到2026年…  ' } });
    expect(parseBody(extractTargetsRequestSchema, { text: ' \n ' }).ok).toBe(false);
  });
});

describe('parseBody refuses text that is not text: a lone UTF-16 surrogate, in a value or a key', () => {
  const valid = { templateVersion: 'v1', figures: { a: 1 }, explanations: {} };
  it.each([
    ['a cell', { ...valid, figures: { a: '12\ud800' } }, ['figures.a']],
    ['a key (shown with U+FFFD in its place)', { ...valid, figures: { ['a\udc00']: 1 } }, ['figures.a\ufffd']],
    ['an explanation, a low surrogate first', { ...valid, explanations: { k: '\udfff增长' } }, ['explanations.k']],
    ['templateVersion and a cell at once', { ...valid, templateVersion: 'v\ud83d', figures: { a: 'x\udc00' } }, ['templateVersion', 'figures.a']],
    ['the body itself, a string', '\ud800', ['(body)']],
  ])('%s', (_label, body, fields) => {
    const checked = parseBody(returnInputSchema, body);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const surrogates = checked.issues.filter((i) => /surrogate/.test(String(i.params.expected)));
    expect(surrogates.map((i) => i.path)).toEqual(fields);
    for (const issue of checked.issues) expect(issue.message.zh + issue.message.en + issue.path).not.toMatch(/[\ud800-\udfff]/);
  });

  it('passes a pair (an emoji, a rare 𠀀 character) and text with U+FFFD', () => {
    const body = { ...valid, figures: { a: '𠀀😀' }, explanations: { ['𠀀']: '\ufffd说明😀' } };
    expect(parseBody(returnInputSchema, body)).toEqual({ ok: true, value: body });
  });

  it('refuses exactly the strings that are not well-formed Unicode (property)', () => {
    const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
    // Arbitrary UTF-16 code units, so lone halves and pairs both occur.
    const text = fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)), maxLength: 6 });
    fc.assert(
      fc.property(text, text, (cell, key) => {
        const checked = parseBody(returnInputSchema, { templateVersion: 'v1', figures: { [`k${key}`]: cell } });
        expect(checked.ok).toBe(wellFormed(cell) && wellFormed(key) && cell.length <= 200);
        // Node's own check agrees with the rule the test states.
        expect(wellFormed(cell)).toBe((cell as string & { isWellFormed(): boolean }).isWellFormed());
      }),
    );
  });
});
