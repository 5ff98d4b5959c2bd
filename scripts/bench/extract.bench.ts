// Extraction speed: the five seed plans, the texts of the reading set, and a 250 KB page without
// sentence punctuation (the worst case for clause splitting), so a plan uploaded to POST
// /api/extract answers quickly. Each text is also read by the floor, measured in the same run:
// normalizing it and finding its figures once (what any reading of the text must do), so the
// ratio says what extraction costs beyond that, whatever the load of the machine.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { extractTargets, loadCatalogue } from '../../shared/src/index.js';
import { findQuantities } from '../../shared/src/extraction/find-quantities.js';
import { joinSoftBreaks } from '../../shared/src/extraction/join-soft-breaks.js';
import { normalizeText } from '../../shared/src/extraction/normalize-text.js';

const catalogue = loadCatalogue();
const seeds = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(`seeds/${f}`, 'utf8') }));
const setDir = 'shared/src/extraction/__fixtures__/reading-set';
const set = readdirSync(setDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${setDir}/${f}`, 'utf8'));
const readingSet = { name: `reading set (${set.length} texts)`, text: set.join('\n\n') };
const long = { name: '250 KB, one sentence', text: '截至2023年底，到2026年高新技术企业达到5家、'.repeat(10_000) };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => number, runs: number): { median: number; max: number; n: number } {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    n = run();
    times.push(performance.now() - t0);
  }
  return { median: median(times), max: Math.max(...times), n };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const rows = [...seeds, readingSet, long].map(({ name, text }) => {
  const floor = time(() => findQuantities(joinSoftBreaks(normalizeText(text)).text).length, 7);
  const full = time(() => extractTargets(text, catalogue).length, 7);
  return {
    text: name,
    chars: text.length,
    proposals: full.n,
    medianMs: round(full.median),
    maxMs: round(full.max),
    floorMs: round(floor.median),
    'x floor': round(full.median / floor.median),
  };
});
console.log('extractTargets, median of 7 runs, and its ratio to the floor (normalize + find the figures) in the same run:');
console.table(rows);
