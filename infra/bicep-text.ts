import { readFileSync } from 'node:fs';

/**
 * Just enough of Bicep's syntax to check the templates of this folder without the Bicep
 * compiler, which cannot be installed here (no npm or Debian package: README, "Deploy to
 * Azure"): parameters and their defaults, outputs, module calls with the parameters they pass
 * and the outputs they read, and flat object literals such as the app settings. The templates
 * keep to one property per line, which this relies on (and the tests below fail loudly if not).
 */
export interface BicepParam {
  name: string;
  type: string;
  /** The default's expression, or null for a required parameter. */
  default: string | null;
}

export interface BicepModuleCall {
  symbol: string;
  path: string;
  conditional: boolean;
  /** Parameter name → the expression passed. */
  params: Map<string, string>;
}

export interface BicepFile {
  path: string;
  text: string;
  params: Map<string, BicepParam>;
  outputs: Map<string, string>;
  modules: BicepModuleCall[];
}

/** The line without its comment, with the insides of '...' strings blanked (so braces in them do not count). */
export function code(line: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inString) {
      if (c === '\\') {
        i++;
        out += '__';
        continue;
      }
      if (c === "'") {
        inString = false;
        out += c;
      } else out += '_';
      continue;
    }
    if (c === "'") {
      inString = true;
      out += c;
      continue;
    }
    if (c === '/' && line[i + 1] === '/') break;
    out += c;
  }
  return out;
}

const depthChange = (line: string) =>
  [...code(line)].reduce((d, c) => d + (c === '{' || c === '[' || c === '(' ? 1 : c === '}' || c === ']' || c === ')' ? -1 : 0), 0);

/**
 * The keys and value expressions of the object literal that opens on the first line matching
 * `opener` (which must end with `{`): one `key: value` per line at its first level. Values that
 * span lines are kept as their first line.
 */
export function objectLiteral(text: string, opener: RegExp): Map<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => opener.test(l));
  if (start < 0) throw new Error(`no line matches ${opener}`);
  if (!code(lines[start]!).trimEnd().endsWith('{')) throw new Error(`the line matching ${opener} does not open an object: ${lines[start]}`);
  const entries = new Map<string, string>();
  let depth = 1;
  for (let i = start + 1; i < lines.length && depth > 0; i++) {
    const line = lines[i]!;
    if (depth === 1) {
      const m = /^\s*('[^']+'|[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*?)\s*$/.exec(code(line));
      if (m)
        entries.set(
          m[1]!.replace(/^'|'$/g, ''),
          line
            .slice(line.indexOf(':') + 1)
            .trim()
            .replace(/\s*\/\/.*$/, ''),
        );
    }
    depth += depthChange(line);
  }
  return entries;
}

export function readBicep(path: string): BicepFile {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const params = new Map<string, BicepParam>();
  const outputs = new Map<string, string>();
  const modules: BicepModuleCall[] = [];
  for (const [i, line] of lines.entries()) {
    const p = /^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+)(?:\s*=\s*(.+))?$/.exec(code(line).trim());
    if (p) params.set(p[1]!, { name: p[1]!, type: p[2]!, default: p[3] === undefined ? null : line.slice(line.indexOf('=') + 1).trim() });
    const o = /^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+[A-Za-z]+\s*=\s*(.+)$/.exec(line.trim());
    if (o) outputs.set(o[1]!, o[2]!);
    const m = /^module\s+([A-Za-z_][A-Za-z0-9_]*)\s+'([^']+)'\s*=\s*(if\s*\(.*\)\s*)?\{\s*$/.exec(line.trim());
    if (m) {
      const rest = lines.slice(i).join('\n');
      let passed = new Map<string, string>();
      // The `params: {` of this module: the first one before the module's closing brace.
      let depth = 0;
      for (const [j, l] of lines.slice(i).entries()) {
        if (j > 0 && depth === 1 && /^\s*params:\s*\{\s*$/.test(code(l))) {
          passed = objectLiteral(rest, new RegExp(`^${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
          break;
        }
        depth += depthChange(l);
        if (j > 0 && depth === 0) break;
      }
      modules.push({ symbol: m[1]!, path: m[2]!, conditional: m[3] !== undefined, params: passed });
    }
  }
  return { path, text, params, outputs, modules };
}

/** `<symbol>.outputs.<name>` read anywhere in the text. */
export function outputsRead(text: string): { symbol: string; output: string }[] {
  return [...text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\.outputs\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => ({ symbol: m[1]!, output: m[2]! }));
}

/** A Bicep string literal without interpolation ('text'), as its text; null for any other expression. */
export function literalString(expression: string): string | null {
  const m = /^'((?:[^'\\$]|\\.|\$(?!\{))*)'$/.exec(expression.trim());
  return m ? m[1]!.replace(/\\(.)/g, '$1') : null;
}
