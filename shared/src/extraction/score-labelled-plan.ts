import type { Comparison } from '../catalogue/catalogue-schema.js';
import type { TargetProposal } from './target-proposal.js';

/**
 * A target a person read from a plan text by hand, to measure the extractor on plans it was
 * not written from (__fixtures__/plan-*.labels.json). `quote` is a verbatim substring of the
 * text around the figure; `unit` is the unit as written (亿元, 万人, 个百分点 ...).
 */
export interface LabelledTarget {
  value: number;
  valueHigh?: number;
  unit: string;
  comparison: Comparison;
  stretch: boolean;
  year: number;
  quote: string;
}

/**
 * How the extractor did on one hand-labelled plan. A proposal finds a label when it has the
 * same value, upper end and year and its quote overlaps the label's quote in the text; a found
 * label is `misread` when its unit, comparison or stretch flag differ. precision = found /
 * proposed, recall = found / labelled (null when the divisor is 0).
 */
export interface LabelledPlanScore {
  labelled: number;
  proposed: number;
  found: { label: LabelledTarget; candidate: TargetProposal }[];
  missed: LabelledTarget[];
  extra: TargetProposal[];
  misread: { label: LabelledTarget; candidate: TargetProposal; fields: string[] }[];
  precision: number | null;
  recall: number | null;
}

export function scoreLabelledPlan(text: string, candidates: readonly TargetProposal[], labels: readonly LabelledTarget[]): LabelledPlanScore {
  const found: LabelledPlanScore['found'] = [];
  const missed: LabelledTarget[] = [];
  const used = new Set<TargetProposal>();
  for (const label of labels) {
    const candidate = candidates.find((c) => !used.has(c) && matchesLabel(c, label, text));
    if (candidate) {
      used.add(candidate);
      found.push({ label, candidate });
    } else {
      missed.push(label);
    }
  }
  const misread = found.flatMap(({ label, candidate }) => {
    const fields = [
      candidate.unit === label.unit ? '' : 'unit',
      candidate.comparison === label.comparison ? '' : 'comparison',
      candidate.stretch === label.stretch ? '' : 'stretch',
    ].filter((f) => f !== '');
    return fields.length === 0 ? [] : [{ label, candidate, fields }];
  });
  return {
    labelled: labels.length,
    proposed: candidates.length,
    found,
    missed,
    extra: candidates.filter((c) => !used.has(c)),
    misread,
    precision: candidates.length === 0 ? null : found.length / candidates.length,
    recall: labels.length === 0 ? null : found.length / labels.length,
  };
}

function matchesLabel(c: TargetProposal, label: LabelledTarget, text: string): boolean {
  if (c.year !== label.year || c.value !== label.value || c.valueHigh !== label.valueHigh) return false;
  const to = c.offset + c.quote.length;
  for (let at = text.indexOf(label.quote); at >= 0 && label.quote !== ''; at = text.indexOf(label.quote, at + 1)) {
    if (at < to && c.offset < at + label.quote.length) return true;
  }
  return false;
}
