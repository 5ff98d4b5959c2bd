import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractTargets, loadCatalogue, type Catalogue } from '../shared/src/index.js';
import { computePrecision } from '../shared/src/extraction/compute-precision.js';

/**
 * `npx tsx scripts/extract-precision.ts` runs the extractor on every seed plan and writes
 * shared/src/extraction/PRECISION.md: per seed, the catalogued targets found (recall), what
 * else was proposed (precision = proposals that are catalogued targets / all proposals), and
 * where a found target is read differently from the catalogue (comparison, stretch, mapping).
 */
export function formatPrecision(catalogue: Catalogue, readSeed: (file: string) => string): string {
  const rows: string[] = [];
  const details: string[] = [];
  let totals = { catalogued: 0, proposed: 0, found: 0, restated: 0 };
  // The seeded parks: a park onboarded from an upload has no seed file to measure against.
  for (const park of catalogue.parks.filter((p): p is typeof p & { seedFile: string } => p.seedFile !== undefined)) {
    const text = readSeed(park.seedFile);
    const report = computePrecision(
      text,
      extractTargets(text, catalogue),
      catalogue.targets.filter((t) => t.park === park.code),
      catalogue.aims.filter((a) => a.park === park.code),
    );
    const found = report.found.length;
    totals = {
      catalogued: totals.catalogued + report.catalogued,
      proposed: totals.proposed + report.proposed,
      found: totals.found + found,
      restated: totals.restated + report.restated.length,
    };
    rows.push(
      `| ${park.seedFile} | ${park.name.zh} | ${report.catalogued} | ${report.proposed} | ${found} | ${percent(report.precision)} | ${percent(report.recall)} |`,
    );
    const differences = report.found.flatMap(({ target, candidate }) => {
      const d: string[] = [];
      if (candidate.comparison !== target.comparison) d.push(`comparison ${candidate.comparison} (catalogue ${target.comparison})`);
      if (candidate.stretch !== target.stretch) d.push(`stretch ${candidate.stretch} (catalogue ${target.stretch})`);
      if (candidate.mappedIndicator !== target.indicator) d.push(`mapped to ${candidate.mappedIndicator ?? 'none'} (catalogue ${target.indicator})`);
      if (candidate.unitCode !== target.unitCode) d.push(`unit ${candidate.unitCode ?? 'unknown'} (catalogue ${target.unitCode})`);
      return d.length === 0 ? [] : [`- ${target.id}: ${d.join('; ')}`];
    });
    details.push(
      `### ${park.name.zh} (${park.seedFile})`,
      '',
      `Missed: ${report.missed.length === 0 ? 'none' : ''}`,
      ...report.missed.map((t) => `- ${t.id}: ${t.value}${t.unit} (${t.year}) “${t.quote}”`),
      '',
      `Proposed, catalogued as a restatement or an aim: ${report.restated.length === 0 ? 'none' : ''}`,
      ...report.restated.map((c) => `- ${c.indicator} ${c.value}${c.unit} (${c.year ?? '?'}) “${c.quote}”`),
      '',
      `Proposed but not catalogued: ${report.extra.length === 0 ? 'none' : ''}`,
      ...report.extra.map((c) => `- ${c.indicator} ${c.value}${c.unit} (${c.year ?? '?'}) “${c.quote}”`),
      '',
      `Found, read differently from the catalogue: ${differences.length === 0 ? 'none' : ''}`,
      ...differences,
      '',
    );
  }
  const precision = totals.proposed === 0 ? null : (totals.found + totals.restated) / totals.proposed;
  const recall = totals.catalogued === 0 ? null : totals.found / totals.catalogued;
  return [
    '# Target extraction on the seed plans',
    '',
    'Written by `npx tsx scripts/extract-precision.ts`; do not edit by hand. A proposal counts as a',
    'catalogued target when it has the same value, upper end and year and its quote overlaps the',
    'catalogue quote (shared/src/extraction/matches-target.ts).',
    '',
    '| seed | park | catalogued | proposed | found | precision (found and restated / proposed) | recall (found / catalogued) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    `| all | | ${totals.catalogued} | ${totals.proposed} | ${totals.found} | ${percent(precision)} | ${percent(recall)} |`,
    '',
    'The catalogue was written from these five texts, so these figures measure agreement with it,',
    'not accuracy on unseen plans; the rule tests (extract-*.test.ts) and the fixtures in',
    '__fixtures__/ exercise wordings these five do not use.',
    '',
    ...details,
  ].join('\n');
}

function percent(x: number | null): string {
  return x === null ? '–' : `${(x * 100).toFixed(1)}%`;
}

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  const seeds = new URL('../seeds/', import.meta.url);
  const out = new URL('../shared/src/extraction/PRECISION.md', import.meta.url);
  const markdown = formatPrecision(loadCatalogue(), (file) => readFileSync(new URL(file, seeds), 'utf8'));
  writeFileSync(out, markdown);
  process.stdout.write(`${fileURLToPath(out)}\n`);
}
