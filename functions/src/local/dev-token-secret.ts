import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The git-ignored data folder of local runs (Azurite's data, this machine's dev secret). */
export const LOCAL_DATA_DIR = fileURLToPath(new URL('../../../.data/', import.meta.url));
const FILE = 'dev-token-secret';

export interface DevTokenSecret {
  secret: string;
  path: string;
  /** True when this call made it (the first start on this machine). */
  created: boolean;
}

/**
 * The HS256 secret of this machine's dev tokens: read from `.data/dev-token-secret`, or made
 * there on the first start (48 random bytes, readable by the owner only). Never committed, never
 * shared: a token printed here is worth nothing on another clone.
 */
export function readOrCreateDevTokenSecret(dir: string = LOCAL_DATA_DIR): DevTokenSecret {
  const path = join(dir, FILE);
  const existing = readSecret(path);
  if (existing !== null) return { secret: existing, path, created: false };
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': of two first starts at once, one writes; the other reads what it wrote.
    writeFileSync(path, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const written = readSecret(path);
    if (written !== null) return { secret: written, path, created: false };
    throw error;
  }
  chmodSync(path, 0o600);
  return { secret, path, created: true };
}

function readSecret(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text.length >= 32 ? text : null;
  } catch {
    return null;
  }
}
