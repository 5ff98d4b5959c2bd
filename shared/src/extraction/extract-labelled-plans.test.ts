import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { computePrecision } from './compute-precision.js';
import { extractTargets } from './extract-targets.js';
import { scoreLabelledPlan, type LabelledPlanScore, type LabelledTarget } from './score-labelled-plan.js';

/**
 * Plans of parks the extractor was not written from (__fixtures__/plan-*.txt), each with its
 * targets labelled by hand (plan-*.labels.json; conventions in LABELLED-PLANS.md). Per plan:
 * precision (proposals that are labelled targets / proposals), recall (labelled targets found /
 * labelled) and agreement (found targets read with the labelled unit, comparison and stretch /
 * found). Each must stay at or above the floor it has reached; a new fixture needs a floor.
 * The five seed plans must stay at 100% precision and recall against the catalogue.
 */
const FLOORS: Readonly<Record<string, { precision: number; recall: number; agreement: number }>> = {
  'plan-baoshan': { precision: 1, recall: 1, agreement: 1 },
  'plan-caohejing': { precision: 1, recall: 1, agreement: 1 },
  'plan-changning': { precision: 1, recall: 1, agreement: 1 },
  'plan-hongkou-ocr': { precision: 1, recall: 1, agreement: 1 },
  'plan-jiading-draft': { precision: 1, recall: 1, agreement: 1 },
  'plan-jingan': { precision: 1, recall: 1, agreement: 1 },
  'plan-lingang': { precision: 1, recall: 1, agreement: 1 },
  'plan-lujiazui': { precision: 1, recall: 1, agreement: 1 },
  'plan-putuo-oneline': { precision: 1, recall: 1, agreement: 1 },
  'plan-songjiang-g60': { precision: 1, recall: 1, agreement: 1 },
  'plan-xuhui': { precision: 1, recall: 1, agreement: 1 },
  'plan-yangpu': { precision: 1, recall: 1, agreement: 1 },
  'plan-zhangjiang-core': { precision: 1, recall: 1, agreement: 1 },
};

const dir = new URL('./__fixtures__/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.labels.json'))
  .map((f) => f.replace(/\.labels\.json$/, ''))
  .sort();
const read = (file: string) => readFileSync(new URL(file, dir), 'utf8');
const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const agreementOf = (s: LabelledPlanScore) => (s.found.length === 0 ? null : (s.found.length - s.misread.length) / s.found.length);
const report: string[] = [];

describe.each(names)('hand-labelled plan %s', (name) => {
  const text = read(`${name}.txt`);
  const labels = JSON.parse(read(`${name}.labels.json`)) as LabelledTarget[];
  const candidates = extractTargets(text);
  const score = scoreLabelledPlan(text, candidates, labels);
  const floor = FLOORS[name];
  report.push(
    `${name.padEnd(22)} labelled ${String(score.labelled).padStart(3)}  proposed ${String(score.proposed).padStart(3)}  ` +
      `found ${String(score.found.length).padStart(3)}  precision ${percent(score.precision).padStart(6)}  ` +
      `recall ${percent(score.recall).padStart(6)}  agreement ${percent(agreementOf(score)).padStart(6)}`,
    ...score.missed.map((l) => `    missed ${l.value}${l.valueHigh === undefined ? '' : `-${l.valueHigh}`}${l.unit} (${l.year}) “${l.quote}”`),
    ...score.extra.map((c) => `    extra  ${c.value}${c.unit} (${c.year ?? '?'}) “${c.quote}”`),
    ...score.misread.map((m) => `    misread ${m.fields.join(', ')}: “${m.label.quote}”`),
  );

  it('has a floor, and labels quoted verbatim from the text', () => {
    expect(floor, `add ${name} to FLOORS`).toBeDefined();
    for (const l of labels) expect(text.includes(l.quote), l.quote).toBe(true);
  });

  it('keeps precision, recall and agreement at or above their floors', () => {
    expect(score.precision ?? 0).toBeGreaterThanOrEqual(floor?.precision ?? 1);
    expect(score.recall ?? 0).toBeGreaterThanOrEqual(floor?.recall ?? 1);
    expect(agreementOf(score) ?? 0).toBeGreaterThanOrEqual(floor?.agreement ?? 1);
  });

  it('quotes every proposal verbatim', () => {
    for (const c of candidates) expect(text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
  });
});

describe('the seed plans against the catalogue', () => {
  const catalogue = loadCatalogue();
  it.each(catalogue.parks.map((p) => [p.name.zh, p] as const))('%s stays at 100% precision and recall', (_, park) => {
    const text = readFileSync(new URL(`../../../seeds/${park.seedFile}`, import.meta.url), 'utf8');
    const r = computePrecision(
      text,
      extractTargets(text, catalogue),
      catalogue.targets.filter((t) => t.park === park.code),
      catalogue.aims.filter((a) => a.park === park.code),
    );
    expect(r.extra.map((c) => c.quote)).toEqual([]);
    expect(r.missed.map((t) => t.quote)).toEqual([]);
  });
});

afterAll(() => {
  console.info(['Hand-labelled plans (precision = found / proposed, recall = found / labelled):', ...report].join('\n'));
});
