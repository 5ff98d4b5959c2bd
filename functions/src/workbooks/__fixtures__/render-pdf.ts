import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PDFTOPPM = existsSync('/usr/bin/pdftoppm') ? '/usr/bin/pdftoppm' : null;

/** Writes page `page` of a PDF as PNG (to look at) and returns its pixels (PPM, to count colours). */
export function renderPage(pdf: Uint8Array, page: number, pngPath: string, dpi = 80): { width: number; height: number; rgb: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'zj-pdf-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, pdf);
    execFileSync(PDFTOPPM!, ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', input, pngPath.replace(/\.png$/, '')]);
    execFileSync(PDFTOPPM!, ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', input, join(dir, 'page')]);
    const ppm = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.ppm'))!));
    // P6 header: "P6\n<width> <height>\n255\n"
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'))!;
    return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pixels within `tolerance` of an RGB hex colour. */
export function countColour(rgb: Uint8Array, hex: string, tolerance = 12): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i + 2 < rgb.length; i += 3) {
    if (Math.abs(rgb[i]! - r) <= tolerance && Math.abs(rgb[i + 1]! - g) <= tolerance && Math.abs(rgb[i + 2]! - b) <= tolerance) n++;
  }
  return n;
}

/** Names of the fonts embedded in a PDF (pdffonts). */
export function pdfFonts(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'zj-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const out = execFileSync('pdffonts', [join(dir, 'in.pdf')]).toString();
    return out.split('\n').slice(2).map((l) => l.split(/\s+/)[0]!).filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
