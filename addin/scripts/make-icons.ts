import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writePng } from './write-png.js';

/**
 * The add-in's icons (16, 32, 64, 80 px, as the manifest and ribbon need): a rounded Excel-green
 * tile with a white sheet grid and a rising bar chart — a return being filled. Committed in
 * addin/assets/; run `npm run icons -w addin` to draw them again.
 */
const GREEN: [number, number, number] = [0x10, 0x7c, 0x41];
const LIGHT: [number, number, number] = [0xe8, 0xf3, 0xec];
const BAR: [number, number, number] = [0xff, 0xc8, 0x3d];

export function drawIcon(size: number): Buffer {
  const r = size * 0.18; // corner radius
  return writePng(size, (px, py) => {
    const x = px + 0.5;
    const y = py + 0.5;
    // Rounded tile, anti-aliased at the corners.
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    const d = Math.hypot(x - cx, y - cy);
    const alpha = Math.round(255 * Math.min(1, Math.max(0, r - d + 0.5)));
    if (alpha === 0) return [0, 0, 0, 0];
    const u = x / size;
    const v = y / size;
    // The sheet: a light panel with grid lines.
    const inSheet = u > 0.16 && u < 0.84 && v > 0.16 && v < 0.84;
    if (!inSheet) return [...GREEN, alpha];
    const line = Math.max(1, size / 32) / size;
    const grid = [0.16, 0.39, 0.61, 0.84].some((g) => Math.abs(v - g) < line) || [0.16, 0.42, 0.84].some((g) => Math.abs(u - g) < line);
    // Three rising bars in the right part of the sheet.
    const bars = [
      [0.47, 0.57, 0.62],
      [0.6, 0.7, 0.48],
      [0.73, 0.81, 0.3],
    ].some(([a, b, top]) => u > a! && u < b! && v > top! && v < 0.84);
    if (bars) return [...BAR, 255];
    if (grid) return [...GREEN, 255];
    return [...LIGHT, 255];
  });
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../assets/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(`${dir}icon-${size}.png`, drawIcon(size));
  console.log(`wrote ${ICON_SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${dir}`);
}
