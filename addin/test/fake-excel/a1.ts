/** A1 addresses for the fake: "E5", "A1:K40", "A:A", or null for the whole sheet. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseAddress(address: string | undefined): Rect {
  if (address === undefined) return { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLUMNS - 1 };
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.replace(/\$/g, '').split(':') as [string, string?];
  const part = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw Object.assign(new Error(`bad address ${address}`), { code: 'InvalidArgument' });
    return { c: m[1] === '' ? null : columnIndex(m[1]!), r: m[2] === '' ? null : Number(m[2]) - 1 };
  };
  const p = part(a);
  const q = part(b!);
  return {
    r1: p.r ?? 0,
    c1: p.c ?? 0,
    r2: q.r ?? MAX_ROWS - 1,
    c2: q.c ?? MAX_COLUMNS - 1,
  };
}

export function cellKey(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}
