import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../shared/src/index.js';
import { main } from './catalogue.js';

const run = promisify(execFile);
const catalogue = loadCatalogue();

const capture = (argv: string[]): { code: number; out: string } => {
  let out = '';
  const code = main(argv, (text) => {
    out += text;
  });
  return { code, out };
};

describe('scripts/catalogue.ts', () => {
  it('prints every target with its park, indicator, value, unit, comparison, year and quote (--json)', () => {
    const { code, out } = capture(['--json']);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as { targets: Record<string, unknown>[]; indicators: unknown[]; parks: unknown[] };
    expect(printed.parks).toHaveLength(catalogue.parks.length);
    expect(printed.indicators).toHaveLength(catalogue.indicators.length);
    expect(printed.targets.map((t) => t['id'])).toEqual(catalogue.targets.map((t) => t.id));
    for (const t of printed.targets) {
      for (const key of ['park', 'indicator', 'value', 'unit', 'comparison', 'year', 'quote']) expect(t).toHaveProperty(key);
    }
  });

  it('prints a readable table without --json, one row per target', () => {
    const { code, out } = capture([]);
    expect(code).toBe(0);
    expect(out).toContain('闵行园');
    expect(out).toContain('有效期内高新技术企业数');
    expect(out).toContain(`${catalogue.targets.length} targets`);
    expect(out.split('\n').filter((l) => /\s20\d\d(\s|$)/.test(l))).toHaveLength(catalogue.targets.length);
  });

  it('runs as the npm script does (tsx scripts/catalogue.ts --json)', async () => {
    const { stdout } = await run('npx', ['tsx', 'scripts/catalogue.ts', '--json'], { maxBuffer: 16 * 1024 * 1024 });
    const printed = JSON.parse(stdout) as { targets: { id: string }[] };
    expect(printed.targets.map((t) => t.id)).toEqual(catalogue.targets.map((t) => t.id));
  });
});
