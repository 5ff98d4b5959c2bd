import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts/.tsx file below a folder, without node_modules and build output. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layers: addin → shared ← functions', () => {
  it('shared/src imports no Office, Azure, DOM or Node module', () => {
    const offenders = sources('shared/src')
      .filter((f) => !/\.test\.ts$/.test(f))
      .flatMap((f) => importsOf(f).filter((i) => /^(node:|@azure\/|@microsoft\/|office|react|exceljs|fs$|path$|crypto$)/.test(i)).map((i) => `${f}: ${i}`));
    expect(offenders).toEqual([]);
  });

  it.each([
    ['addin/src', /(^|\/)functions\/|@zj\/functions/],
    ['functions/src', /(^|\/)addin\/|@zj\/addin/],
  ])('%s never imports the other edge', (dir, forbidden) => {
    const offenders = sources(dir).flatMap((f) => importsOf(f).filter((i) => forbidden.test(i)).map((i) => `${relative('.', f)}: ${i}`));
    expect(offenders).toEqual([]);
  });

  it('only addin/src/excel touches the Excel globals', () => {
    const offenders = sources('addin/src')
      .filter((f) => !f.startsWith(join('addin', 'src', 'excel')) && !/\.test\.tsx?$/.test(f))
      .filter((f) => /\bExcel\.(run|createWorkbook|RequestContext)|\bOffice\.context\b/.test(withoutComments(readFileSync(f, 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('the domain compiles with no DOM and no Node types (the compiler fence), and every project type-checks', () => {
    for (const project of ['shared/tsconfig.json', 'functions/tsconfig.json', 'addin/tsconfig.json', 'tsconfig.scripts.json']) {
      expect(() => execFileSync('npx', ['tsc', '-p', project], { encoding: 'utf8', stdio: 'pipe' }), project).not.toThrow();
    }
  }, 240_000);
});

describe('the compiler fence around shared/', () => {
  it.each([
    ['document.title', /document/],
    ['process.env.HOME', /process/],
    ['Buffer.from("x")', /Buffer/],
  ])('refuses %s in domain code', (expr, name) => {
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
  }, 60_000);
});
