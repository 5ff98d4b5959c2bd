import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrCreateDevTokenSecret } from './dev-token-secret.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'zj-secret-'));
  dirs.push(d);
  return join(d, '.data');
};

describe('this machine’s dev token secret', () => {
  it('is made on the first start, readable by the owner only, and the same on the next start', () => {
    const dir = scratch();
    const first = readOrCreateDevTokenSecret(dir);
    expect(first.created).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(64);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.path, 'utf8').trim()).toBe(first.secret);
    const second = readOrCreateDevTokenSecret(dir);
    expect(second).toEqual({ ...first, created: false });
  });

  it('differs from one machine (data folder) to the next', () => {
    expect(readOrCreateDevTokenSecret(scratch()).secret).not.toBe(readOrCreateDevTokenSecret(scratch()).secret);
  });
});
