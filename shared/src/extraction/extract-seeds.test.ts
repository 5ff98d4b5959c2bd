import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { extractTargets } from './extract-targets.js';
import { matchesTarget } from './matches-target.js';

/**
 * The five seed plans against the catalogue: every catalogued target is found with the same
 * value (and upper end), year and comparison, by a proposal whose quote overlaps the
 * catalogue's. Precision (what else is proposed) is reported by scripts/extract-precision.ts.
 */
const catalogue = loadCatalogue();
const seedText = (file: string | undefined): string => {
  if (file === undefined) throw new Error('a park of the seed catalogue without its seed plan');
  return readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8');
};

describe.each(catalogue.parks.map((p) => [p.name.zh, p] as const))('seed plan of %s', (_, park) => {
  const text = seedText(park.seedFile);
  const found = extractTargets(text, catalogue);
  const targets = catalogue.targets.filter((t) => t.park === park.code);

  it('has catalogued targets to look for', () => {
    expect(targets.length).toBeGreaterThan(0);
  });

  it.each(targets.map((t) => [t.id, t] as const))('finds %s', (_id, target) => {
    const match = found.find((c) => matchesTarget(c, target, text));
    expect(match, `${target.value}${target.unit} (${target.year}) in “${target.quote}”`).toBeDefined();
    expect(match?.comparison).toBe(target.comparison);
  });

  it('quotes every proposal verbatim', () => {
    for (const c of found) expect(text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
  });
});
