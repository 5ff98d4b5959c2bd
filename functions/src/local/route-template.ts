/**
 * Matches request paths against Azure Functions route templates (ASP.NET Core syntax) the way
 * the Functions host does, so the local adapter serves the very routes the modules register:
 * literal segments, `{name}`, constraints `{name:int}`, `{name:alpha}`, `{name:regex(...)}`,
 * optional `{name?}`, catch-all `{*name}` and complex segments like `{period}.xlsx`.
 * When several routes match, the most specific wins, segment by segment: literal, then
 * complex, then constrained parameter, then plain parameter, then catch-all.
 */
export interface CompiledRoute {
  template: string;
  /** One rank per segment (lower is more specific). */
  precedence: number[];
  match(path: string): Record<string, string> | null;
}

interface Param {
  name: string;
  optional: boolean;
  catchAll: boolean;
  constraints: ((value: string) => boolean)[];
}

const RANK = { literal: 1, complex: 2, constrained: 3, parameter: 4, catchAll: 5 } as const;

export function compileRoute(template: string): CompiledRoute {
  const params: Param[] = [];
  const precedence: number[] = [];
  let pattern = '^';
  const segments = template
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter((s) => s !== '');
  for (const segment of segments) {
    const parts = splitSegment(segment);
    const paramParts = parts.filter((p): p is Param => typeof p !== 'string');
    const only = paramParts.length === 1 && parts.length === 1 ? paramParts[0]! : null;
    precedence.push(
      paramParts.length === 0
        ? RANK.literal
        : only === null
          ? RANK.complex
          : only.catchAll
            ? RANK.catchAll
            : only.constraints.length > 0
              ? RANK.constrained
              : RANK.parameter,
    );
    let segmentPattern = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        segmentPattern += escapeRegExp(part);
        continue;
      }
      params.push(part);
      segmentPattern += part.catchAll ? '(.*)' : only ? '([^/]+)' : '([^/]+?)';
    }
    // An optional (or catch-all) last segment may be absent together with its slash.
    pattern += only && (only.optional || only.catchAll) ? `(?:/${segmentPattern})?` : `/${segmentPattern}`;
  }
  const regex = new RegExp(`${pattern}/?$`, 'i');
  return {
    template,
    precedence,
    match(path: string) {
      const m = regex.exec(path);
      if (!m) return null;
      const values: Record<string, string> = {};
      for (const [i, param] of params.entries()) {
        const raw = m[i + 1];
        if (raw === undefined || raw === '') {
          if (!param.optional && !param.catchAll) return null;
          continue;
        }
        let value: string;
        try {
          value = decodeURIComponent(raw);
        } catch {
          return null;
        }
        if (!param.constraints.every((ok) => ok(value))) return null;
        values[param.name] = value;
      }
      return values;
    },
  };
}

/** Orders by precedence: the first match in this order is the one the host would pick. */
export function compareRoutes(a: CompiledRoute, b: CompiledRoute): number {
  for (let i = 0; i < Math.max(a.precedence.length, b.precedence.length); i++) {
    const d = (a.precedence[i] ?? 0) - (b.precedence[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Splits "{period}.xlsx" into a parameter and a literal; "{{" and "}}" are literal braces. */
function splitSegment(segment: string): (string | Param)[] {
  const parts: (string | Param)[] = [];
  let literal = '';
  let i = 0;
  while (i < segment.length) {
    const c = segment[i]!;
    if ((c === '{' || c === '}') && segment[i + 1] === c) {
      literal += c;
      i += 2;
      continue;
    }
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    if (literal) parts.push(literal);
    literal = '';
    const end = closingBrace(segment, i);
    parts.push(parseParam(segment.slice(i + 1, end)));
    i = end + 1;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** The '}' closing the parameter opened at `start`, skipping braces inside regex(...). */
function closingBrace(segment: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < segment.length; i++) {
    const c = segment[i]!;
    if ((c === '{' || c === '}') && segment[i + 1] === c) {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '}' && depth === 0) return i;
  }
  throw new Error(`route segment "${segment}": unclosed parameter`);
}

function parseParam(body: string): Param {
  const catchAll = body.startsWith('*');
  const [rawName, ...rest] = splitConstraints(catchAll ? body.replace(/^\*+/, '') : body);
  let name = rawName!;
  const optional = name.endsWith('?');
  if (optional) name = name.slice(0, -1);
  const constraints = rest.map((c) => {
    const regex = /^regex\((.*)\)$/s.exec(c);
    if (regex) {
      const re = new RegExp(regex[1]!.replace(/\{\{/g, '{').replace(/\}\}/g, '}'), 'i');
      return (v: string) => re.test(v);
    }
    if (c === 'int' || c === 'long') return (v: string) => /^-?\d+$/.test(v);
    if (c === 'alpha') return (v: string) => /^[a-z]+$/i.test(v);
    if (c === 'bool') return (v: string) => /^(true|false)$/i.test(v);
    if (c === 'guid') return (v: string) => /^[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$/i.test(v);
    throw new Error(`route constraint "${c}" is not supported by the local adapter`);
  });
  return { name, optional, catchAll, constraints };
}

/** "period:regex(a:b)" → ["period", "regex(a:b)"]: colons inside parentheses are not separators. */
function splitConstraints(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of body) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ':' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
