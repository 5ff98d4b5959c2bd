import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript or JavaScript file below a folder, without node_modules and build output. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.[cm]?[jt]sx?$/.test(name) ? [path] : [];
  });
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/** Whether `specifier`, imported by `file`, names code of the workspace in folder `edge` (by path or by package name). */
function reaches(file: string, specifier: string, edge: string): boolean {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const target = resolve(dirname(file), specifier);
    return target === resolve(edge) || target.startsWith(resolve(edge) + sep);
  }
  return specifier === `@zj/${edge}` || specifier.startsWith(`@zj/${edge}/`);
}

/** Every import of a file below `from` that reaches into `edge`, as "file: specifier". */
const crossings = (from: string, edge: string) =>
  sources(from).flatMap((f) =>
    importsOf(f)
      .filter((i) => reaches(f, i, edge))
      .map((i) => `${relative('.', f)}: ${i}`),
  );

describe('layers: addin → shared ← functions', () => {
  it('shared/src imports no Office, Azure, DOM or Node module', () => {
    const offenders = sources('shared/src')
      .filter((f) => !/\.test\.ts$/.test(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /^(node:|@azure\/|@microsoft\/|office|react|exceljs|fs$|path$|crypto$)/.test(i))
          .map((i) => `${f}: ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  // All of each edge: src, tests, scripts, bench. Tests that need both edges live in e2e/.
  it.each([
    ['addin', 'functions'],
    ['functions', 'addin'],
  ])('nothing in %s/ imports %s/', (from, edge) => {
    expect(crossings(from, edge)).toEqual([]);
  });

  it('the check sees a crossing import: e2e/ imports both edges, as it may', () => {
    expect(crossings('e2e', 'functions')).toContain('e2e/browser/start-stack.ts: ../../functions/src/local/start-local-api.js');
    expect(crossings('e2e', 'addin')).toContain('e2e/layout-parity.test.ts: ../addin/src/excel/write-template.js');
    expect(reaches('addin/src/x.ts', '@zj/functions', 'functions')).toBe(true);
    expect(reaches('addin/src/x.ts', '@azure/functions', 'functions')).toBe(false);
    expect(reaches('addin/src/x.ts', '../../functions-old/x.js', 'functions')).toBe(false);
  });

  it('only addin/src/excel touches the Excel globals', () => {
    const offenders = sources('addin/src')
      .filter((f) => !f.startsWith(join('addin', 'src', 'excel')) && !/\.test\.tsx?$/.test(f))
      .filter((f) => /\bExcel\.(run|createWorkbook|RequestContext)|\bOffice\.context\b/.test(withoutComments(readFileSync(f, 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('the domain compiles with no DOM and no Node types (the compiler fence), and every project type-checks', () => {
    for (const project of ['shared/tsconfig.json', 'functions/tsconfig.json', 'addin/tsconfig.json', 'e2e/tsconfig.json', 'tsconfig.scripts.json']) {
      expect(() => execFileSync('npx', ['tsc', '-p', project], { encoding: 'utf8', stdio: 'pipe' }), project).not.toThrow();
    }
  }, 240_000);
});

describe('the compiler fence around shared/', () => {
  it.each([
    ['document.title', /document/],
    ['process.env.HOME', /process/],
    ['Buffer.from("x")', /Buffer/],
  ])(
    'refuses %s in domain code',
    (expr, name) => {
      const dir = mkdtempSync(join('shared', '.fence-'));
      try {
        writeFileSync(join(dir, 'probe.ts'), `export const probe = ${expr};\n`);
        writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['probe.ts'] }));
        let output = '';
        try {
          execFileSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
        } catch (e) {
          output = String((e as { stdout?: string }).stdout);
        }
        expect(output).toMatch(name);
        expect(output).toMatch(/error TS2304|error TS2580|error TS2591|error TS2584/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
