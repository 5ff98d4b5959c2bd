import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { TargetProposal } from '../shared/src/index.js';
import { main } from './extract.js';
import { firstInvalidUtf8 } from './read-plan-file.js';

const run = promisify(execFile);
const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url).pathname;
const seed = (name: string) => new URL(`../seeds/${name}`, import.meta.url).pathname;

const capture = (argv: string[]) => {
  let out = '';
  let err = '';
  const code = main(argv, { write: (t) => (out += t), writeError: (t) => (err += t) });
  return { code, out, err };
};

describe('scripts/extract.ts', () => {
  it('prints a JSON array of target proposals with every field of the proposal, quotes verbatim', () => {
    const { code, out, err } = capture([seed('001_d3a01ee86bc30e9c.txt')]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const found = JSON.parse(out) as Record<string, unknown>[];
    expect(found.length).toBeGreaterThan(0);
    const text = readFileSync(seed('001_d3a01ee86bc30e9c.txt'), 'utf8');
    for (const c of found) {
      for (const key of [
        'indicator',
        'value',
        'unit',
        'unitCode',
        'written',
        'writtenOffset',
        'reading',
        'comparison',
        'stretch',
        'kind',
        'year',
        'yearSource',
        'reasons',
        'confidence',
        'baseline',
        'quote',
        'offset',
        'mappedIndicator',
        'mappingScore',
      ]) {
        expect(c).toHaveProperty(key);
      }
      expect(text.slice(c['offset'] as number, (c['offset'] as number) + (c['quote'] as string).length)).toBe(c['quote']);
    }
    expect(found.find((c) => c['value'] === 1550)?.['mappedIndicator']).toBe('hnte_valid');
  });

  it('gives each proposal its kind, reading, year source, reasons, confidence and baseline', () => {
    const path = new URL('../shared/src/extraction/__fixtures__/reading-set/t08-green-ceilings.txt', import.meta.url).pathname;
    const { code, out } = capture([path]);
    expect(code).toBe(0);
    const found = JSON.parse(out) as TargetProposal[];
    const pm25 = found.find((c) => c.value === 28);
    expect(pm25).toMatchObject({ unit: '微克/立方米', comparison: 'lte', kind: 'ceiling', year: 2027, yearSource: { source: 'earlier', words: '2027年' } });
    expect(pm25?.baseline).toMatchObject({ value: 31, year: 2022 });
    expect(pm25?.reasons.map((r) => r.code)).toEqual(['earlier_year', 'goal_section', 'target_word']);
    expect(pm25?.confidence).toBeGreaterThan(0.5);
    expect(found.find((c) => c.value === 18)).toMatchObject({ kind: 'growth', comparison: 'gte', written: '18%' });
  });

  it.each([
    ['a missing file', ['/no/such/plan.txt'], /无法读取[\s\S]*Cannot read[\s\S]*ENOENT/],
    ['a directory', [tmpdir()], /无法读取[\s\S]*Cannot read/],
    ['no file', [], /用法 \/ Usage/],
    ['two files', ['a.txt', 'b.txt'], /用法 \/ Usage/],
    ['a GB18030 file read as UTF-8', [fixture('plan-gb18030.txt')], /不是有效的 UTF-8[\s\S]*--encoding gb18030[\s\S]*not valid UTF-8/],
    ['an unknown encoding', [fixture('plan-gb18030.txt'), '--encoding', 'klingon'], /不支持的编码[\s\S]*Unsupported encoding/],
  ])('refuses %s with exit code 2 and a message in both languages', (_, argv, message) => {
    const { code, out, err } = capture(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('reads a GB18030 plan with --encoding gb18030', () => {
    for (const argv of [
      [fixture('plan-gb18030.txt'), '--encoding', 'gb18030'],
      ['--encoding=gb18030', fixture('plan-gb18030.txt')],
    ]) {
      const { code, out } = capture(argv);
      expect(code).toBe(0);
      const found = JSON.parse(out) as { value: number; year: number; quote: string }[];
      expect(found.map((c) => [c.value, c.year])).toEqual([
        [500, 2026],
        [55, 2026],
      ]);
    }
  });

  it('says where the invalid UTF-8 starts', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xb5, 0xbd]))).toBe(2);
    expect(firstInvalidUtf8(new TextEncoder().encode('到2026年'))).toBe(10);
  });

  it('runs as `npm run -s extract` and exits 2 on a non-UTF-8 file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    const path = join(dir, 'plan.txt');
    writeFileSync(path, readFileSync(fixture('plan-gb18030.txt')));
    const failed = await run('npm', ['run', '-s', 'extract', '--', path]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(2);
    const ok = await run('npm', ['run', '-s', 'extract', '--', path, '--encoding', 'gb18030']);
    expect(JSON.parse(ok.stdout)).toHaveLength(2);
  }, 60_000);
});
