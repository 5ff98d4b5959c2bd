// Extraction speed: the five seed plans, and a 250 KB page without sentence punctuation (the
// worst case for clause splitting), so a plan uploaded to POST /api/extract answers quickly.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { extractTargets, loadCatalogue } from '../../shared/src/index.js';

const catalogue = loadCatalogue();
const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(`seeds/${f}`, 'utf8') }));
const long = { name: '250 KB, one sentence', text: '截至2023年底，到2026年高新技术企业达到5家、'.repeat(10_000) };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const rows = [...seeds, long].map(({ name, text }) => {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    found = extractTargets(text, catalogue).length;
    times.push(performance.now() - t0);
  }
  return { text: name, chars: text.length, candidates: found, medianMs: Math.round(median(times) * 10) / 10, maxMs: Math.round(Math.max(...times) * 10) / 10 };
});
console.log('extractTargets, median of 7 runs:');
console.table(rows);
