/**
 * Scores the extractor on a text whose figures a person labelled both ways: the targets it
 * should propose and the non-targets (past results, estimates, figures inside names, policy
 * money, rankings ...) it should leave alone (__fixtures__/reading-set/, conventions in
 * READING-SET.md). Each label names its figure as written and a verbatim quote around it, so
 * the figure has one place in the text.
 *
 * A proposal *covers* a label when it reads the same quantity (3.4万人 = 34000人, 千亿级 = 1000亿)
 * and its quote overlaps the label's figure. A target is *found* when a covering proposal also
 * has the labelled year; a covering proposal with another year is a *wrong year*. A non-target
 * is *proposed* when any proposal covers it. Targets are matched first, so a proposal counts once.
 */

/** The traps of issue 15, by number: 1 past results, 2 estimates, 3 year at a distance, 4 numbers
 * inside names, 5 values without digits, 6 several targets in one clause, 7 tables, scripts,
 * spacing and units, 8 growth-rate and ceiling targets. */
export type TrapNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const TRAPS: readonly TrapNumber[] = [1, 2, 3, 4, 5, 6, 7, 8];

export interface TargetLabel {
  /** The figure as written in the text (１５００亿元, 千亿级, 六成, 3至5家). */
  figure: string;
  /** A verbatim substring of the text, unique in it, holding `figure`. */
  quote: string;
  value: number;
  valueHigh?: number;
  unit: string;
  comparison: string;
  kind: string;
  year: number;
  /** Where the year was read: sentence, earlier, heading, title, table or plan. */
  yearFrom: string;
  traps: TrapNumber[];
  /** A past figure of the same indicator that the text gives beside the target. */
  baseline?: { value: number; year: number };
}

export interface NonTargetLabel {
  figure: string;
  quote: string;
  value: number;
  unit: string;
  /** past, present, estimate, name, ranking, policy, task. */
  why: string;
  traps: TrapNumber[];
}

export interface LabelledText {
  styles: string[];
  /** Not used to tune the extractor: its figures are the honest estimate for unseen texts. */
  heldOut: boolean;
  /** 2 for held-out texts written after the first held-out measurement and the fixes it led to. */
  batch?: number;
  targets: TargetLabel[];
  nonTargets: NonTargetLabel[];
}

/** What scoring reads of a proposal: any version of the extractor's output has the first six. */
export interface ScoredProposal {
  value: number;
  valueHigh?: number;
  unit: string;
  year: number | null;
  quote: string;
  offset: number;
  comparison?: string;
  kind?: string;
  /** Where the year was found: the source itself, or an object that names it ({ source: 'title', ... }). */
  yearSource?: string | { source: string };
  baseline?: { value: number; unit?: string; year: number | null } | null;
}

export interface TextScore<P extends ScoredProposal = ScoredProposal> {
  targets: { label: TargetLabel; found: P | null; wrongYear: P | null }[];
  nonTargets: { label: NonTargetLabel; proposedAs: P | null }[];
  /** Proposals that cover no label. */
  unlabelled: P[];
  proposals: number;
}

export function scoreLabelledText<P extends ScoredProposal>(text: string, proposals: readonly P[], labels: LabelledText): TextScore<P> {
  const used = new Set<P>();
  const claim = (label: TargetLabel | NonTargetLabel, accept: (p: P) => boolean): P | null => {
    const span = figureSpan(text, label);
    const p = proposals.find((c) => !used.has(c) && accept(c) && covers(c, span, label));
    if (p) used.add(p);
    return p ?? null;
  };
  const targets = labels.targets.map((label) => {
    const found = claim(label, (p) => p.year === label.year);
    const wrongYear = found ? null : claim(label, () => true);
    return { label, found, wrongYear };
  });
  const nonTargets = labels.nonTargets.map((label) => ({ label, proposedAs: claim(label, () => true) }));
  return { targets, nonTargets, unlabelled: proposals.filter((p) => !used.has(p)), proposals: proposals.length };
}

/** Where a label's figure stands in the text; throws when the quote is not in it (a fault of the labels). */
export function figureSpan(text: string, label: { quote: string; figure: string }): { start: number; end: number } {
  const at = text.indexOf(label.quote);
  const inQuote = label.quote.indexOf(label.figure);
  if (at < 0 || inQuote < 0) throw new Error(`label not in the text: “${label.figure}” in “${label.quote}”`);
  return { start: at + inQuote, end: at + inQuote + label.figure.length };
}

function covers(p: ScoredProposal, span: { start: number; end: number }, label: { value: number; valueHigh?: number; unit: string }): boolean {
  if (!(p.offset < span.end && span.start < p.offset + p.quote.length)) return false;
  if (!sameAmount(p.value, p.unit, label.value, label.unit)) return false;
  if ((p.valueHigh === undefined) !== (label.valueHigh === undefined)) return false;
  return p.valueHigh === undefined || sameAmount(p.valueHigh, p.unit, label.valueHigh as number, label.unit);
}

const MAGNITUDES: readonly [string, number][] = [
  ['万亿', 1e12],
  ['兆', 1e12],
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['万', 1e4],
];

/** The quantity a value in a written unit stands for, magnitudes applied: 1.6万家 → 16000, 千亿 → 1e11. */
export function amountOf(value: number, unit: string): number {
  const u = unit.replace(/億/g, '亿').replace(/萬/g, '万');
  const m = MAGNITUDES.find(([prefix]) => u.startsWith(prefix));
  return m ? value * m[1] : value;
}

export function sameAmount(a: number, aUnit: string, b: number, bUnit: string): boolean {
  const x = amountOf(a, aUnit);
  const y = amountOf(b, bUnit);
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
}

/** Counts over many texts, for a share and its parts. */
export interface ReadingSummary {
  targets: number;
  found: number;
  wrongYear: number;
  nonTargets: number;
  proposedNonTargets: number;
  proposals: number;
  unlabelled: number;
  /** Found targets read with the labelled comparison / kind / year source / baseline (when the proposal says). */
  agree: { comparison: number; kind: number; yearSource: number; baseline: number; baselines: number };
  byTrap: Record<TrapNumber, { targets: number; found: number; nonTargets: number; proposed: number }>;
}

export function summarize(scores: readonly TextScore[]): ReadingSummary {
  const byTrap = Object.fromEntries(TRAPS.map((t) => [t, { targets: 0, found: 0, nonTargets: 0, proposed: 0 }])) as ReadingSummary['byTrap'];
  const s: ReadingSummary = {
    targets: 0,
    found: 0,
    wrongYear: 0,
    nonTargets: 0,
    proposedNonTargets: 0,
    proposals: 0,
    unlabelled: 0,
    agree: { comparison: 0, kind: 0, yearSource: 0, baseline: 0, baselines: 0 },
    byTrap,
  };
  for (const score of scores) {
    s.proposals += score.proposals;
    s.unlabelled += score.unlabelled.length;
    for (const { label, found, wrongYear } of score.targets) {
      s.targets++;
      if (found) s.found++;
      if (wrongYear) s.wrongYear++;
      for (const t of label.traps) {
        byTrap[t].targets++;
        if (found) byTrap[t].found++;
      }
      if (!found) continue;
      if (found.comparison === label.comparison) s.agree.comparison++;
      if (found.kind === label.kind) s.agree.kind++;
      const source = typeof found.yearSource === 'string' ? found.yearSource : found.yearSource?.source;
      if (source === label.yearFrom) s.agree.yearSource++;
      if (label.baseline) {
        s.agree.baselines++;
        const b = found.baseline;
        if (b && b.year === label.baseline.year && sameAmount(b.value, b.unit ?? found.unit, label.baseline.value, label.unit)) s.agree.baseline++;
      }
    }
    for (const { label, proposedAs } of score.nonTargets) {
      s.nonTargets++;
      if (proposedAs) s.proposedNonTargets++;
      for (const t of label.traps) {
        byTrap[t].nonTargets++;
        if (proposedAs) byTrap[t].proposed++;
      }
    }
  }
  return s;
}
