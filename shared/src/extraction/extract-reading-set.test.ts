import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';
import { figureSpan, scoreLabelledText, summarize, TRAPS, type LabelledText, type ReadingSummary, type TextScore } from './score-labelled-text.js';

/**
 * The reading set (__fixtures__/reading-set/, READING-SET.md): news items, notices, plan
 * excerpts, reviews of last year, goal sections, flattened tables, traditional script and
 * full-width text from zones other than the seeds, every figure labelled as a target or a
 * non-target. Prints recall (targets found / labelled), the share of non-targets proposed and
 * precision (found / proposals), overall, per trap of issue 15 and for the held-out texts apart,
 * and keeps them at or beyond their floors. READING_SET_DETAILS=all lists the held-out misses
 * too (kept quiet by default: the held-out texts are not for tuning).
 */
const FLOORS = {
  tuning: { recall: 1, nonTargetRate: 0 },
  heldOut: { recall: 1, nonTargetRate: 0 },
};
/** The goal of issue 15 on texts never seen: recall ≥ 90%, at most 5% of non-targets proposed. */
const GOAL = { recall: 0.9, nonTargetRate: 0.05 };

const dir = new URL('./__fixtures__/reading-set/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.labels.json'))
  .map((f) => f.replace(/\.labels\.json$/, ''))
  .sort();
const read = (file: string) => readFileSync(new URL(file, dir), 'utf8');
const texts = names.map((name) => {
  const text = read(`${name}.txt`);
  const labels = JSON.parse(read(`${name}.labels.json`)) as LabelledText;
  return { name, text, labels, score: scoreLabelledText(text, extractTargets(text), labels) };
});
const tuning = texts.filter((t) => !t.labels.heldOut);
const heldOut = texts.filter((t) => t.labels.heldOut);
const showHeldOut = process.env['READING_SET_DETAILS'] === 'all';

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const recallOf = (s: ReadingSummary) => s.found / s.targets;
const nonTargetRateOf = (s: ReadingSummary) => s.proposedNonTargets / s.nonTargets;

function table(title: string, s: ReadingSummary): string[] {
  return [
    `${title}: targets found ${s.found}/${s.targets} (recall ${pct(s.found, s.targets)}), ` +
      `non-targets proposed ${s.proposedNonTargets}/${s.nonTargets} (${pct(s.proposedNonTargets, s.nonTargets)}), ` +
      `precision ${pct(s.found, s.proposals)} of ${s.proposals} proposals, ${s.wrongYear} with a wrong year, ${s.unlabelled} unlabelled`,
    `  found targets read as labelled: comparison ${pct(s.agree.comparison, s.found)}, kind ${pct(s.agree.kind, s.found)}, ` +
      `year source ${pct(s.agree.yearSource, s.found)}, baseline ${s.agree.baseline}/${s.agree.baselines}`,
    ...TRAPS.map((t) => {
      const b = s.byTrap[t];
      return `  trap ${t}: recall ${pct(b.found, b.targets)} (${b.found}/${b.targets})   non-targets proposed ${pct(b.proposed, b.nonTargets)} (${b.proposed}/${b.nonTargets})`;
    }),
  ];
}

function details(name: string, text: string, score: TextScore): string[] {
  const at = (label: { quote: string; figure: string }) => figureSpan(text, label).start;
  return [
    ...score.targets
      .filter((t) => !t.found)
      .map(
        ({ label, wrongYear }) =>
          `  ${name} missed ${label.figure} (${label.year})${wrongYear ? ` read as ${wrongYear.year}` : ''} “${label.quote}” @${at(label)}`,
      ),
    ...score.nonTargets.filter((n) => n.proposedAs).map(({ label }) => `  ${name} proposed ${label.why} ${label.figure} “${label.quote}”`),
    ...score.unlabelled.map((p) => `  ${name} unlabelled ${p.value}${p.unit} (${p.year ?? '?'}) “${p.quote}”`),
    ...score.targets.flatMap(({ label, found }) => {
      if (!found) return [];
      const source = typeof found.yearSource === 'string' ? found.yearSource : found.yearSource?.source;
      const off = [
        found.comparison === undefined || found.comparison === label.comparison ? '' : `comparison ${found.comparison} (labelled ${label.comparison})`,
        found.kind === undefined || found.kind === label.kind ? '' : `kind ${found.kind} (labelled ${label.kind})`,
        source === undefined || source === label.yearFrom ? '' : `year source ${source} (labelled ${label.yearFrom})`,
        !label.baseline || (found.baseline?.value === label.baseline.value && found.baseline.year === label.baseline.year)
          ? ''
          : `baseline ${found.baseline ? `${found.baseline.value}@${found.baseline.year}` : 'none'} (labelled ${label.baseline.value}@${label.baseline.year})`,
      ].filter((x) => x !== '');
      return off.length === 0 ? [] : [`  ${name} misread ${label.figure}: ${off.join('; ')}`];
    }),
  ];
}

describe('the reading set', () => {
  it('has labels that quote the text once each, figures inside their quotes', () => {
    expect(texts.length).toBeGreaterThanOrEqual(20);
    for (const { name, text, labels } of texts) {
      for (const l of [...labels.targets, ...labels.nonTargets]) {
        expect(text.split(l.quote).length - 1, `${name}: “${l.quote}”`).toBe(1);
        expect(l.quote.includes(l.figure), `${name}: ${l.figure} in “${l.quote}”`).toBe(true);
        expect(
          l.traps.every((t) => TRAPS.includes(t)),
          `${name}: traps of “${l.quote}”`,
        ).toBe(true);
      }
    }
  });

  it('holds at least 100 targets and 100 non-targets, and a held-out part', () => {
    const all = summarize(texts.map((t) => t.score));
    expect(all.targets).toBeGreaterThanOrEqual(100);
    expect(all.nonTargets).toBeGreaterThanOrEqual(100);
    expect(heldOut.length).toBeGreaterThanOrEqual(8);
  });

  it('quotes every proposal verbatim', () => {
    for (const { text } of texts) {
      for (const c of extractTargets(text)) expect(text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
    }
  });

  it.each([
    ['tuning', tuning, FLOORS.tuning],
    ['held-out', heldOut, FLOORS.heldOut],
  ] as const)('keeps recall and the share of non-targets proposed at their floors (%s texts)', (_, part, floor) => {
    const s = summarize(part.map((t) => t.score));
    expect(recallOf(s)).toBeGreaterThanOrEqual(floor.recall);
    expect(nonTargetRateOf(s)).toBeLessThanOrEqual(floor.nonTargetRate);
    expect(recallOf(s)).toBeGreaterThanOrEqual(GOAL.recall);
    expect(nonTargetRateOf(s)).toBeLessThanOrEqual(GOAL.nonTargetRate);
  });

  it('reads every found target with its labelled comparison and year source, and links every labelled baseline', () => {
    const s = summarize(texts.map((t) => t.score));
    expect(s.agree.comparison).toBe(s.found);
    expect(s.agree.yearSource).toBe(s.found);
    expect(s.agree.baseline).toBe(s.agree.baselines);
    // One kind is labelled otherwise: 产量80万辆 (h07), a level to the label, a count to the extractor.
    expect(s.agree.kind).toBeGreaterThanOrEqual(s.found - 1);
  });
});

afterAll(() => {
  console.info(
    [
      'Reading set (recall = targets found / labelled; non-targets proposed / labelled; precision = found / proposals):',
      ...table('tuning', summarize(tuning.map((t) => t.score))),
      ...table('held-out', summarize(heldOut.map((t) => t.score))),
      ...table('held-out, first batch (h01-h10)', summarize(heldOut.filter((t) => t.labels.batch === undefined).map((t) => t.score))),
      ...table('held-out, second batch (h11-h16)', summarize(heldOut.filter((t) => t.labels.batch === 2).map((t) => t.score))),
      ...table('all', summarize(texts.map((t) => t.score))),
      ...tuning.flatMap((t) => details(t.name, t.text, t.score)),
      ...(showHeldOut ? heldOut.flatMap((t) => details(t.name, t.text, t.score)) : []),
    ].join('\n'),
  );
});
