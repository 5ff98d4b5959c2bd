import type { Aim, Restatement, Target } from '../catalogue/catalogue-schema.js';
import { convertValue } from '../figures/convert-value.js';
import type { TargetProposal } from './target-proposal.js';

/**
 * A candidate is the catalogued target when it has the same value (as written, or the same
 * quantity in another unit of the dimension: 3.4万人 = 34000人), the same upper end, the same
 * year, and its quote overlaps the catalogue's quote in the same text. The overlap keeps a
 * restated figure (350亿元 in the goals and again in task 15) from matching the wrong sentence.
 */
export function matchesTarget(candidate: TargetProposal, target: Target, text: string): boolean {
  if (candidate.year !== target.year) return false;
  if (!sameQuantity(candidate.value, candidate.unitCode, target.value, target.unitCode)) return false;
  if ((candidate.valueHigh === undefined) !== (target.valueHigh === undefined)) return false;
  if (
    candidate.valueHigh !== undefined &&
    target.valueHigh !== undefined &&
    !sameQuantity(candidate.valueHigh, candidate.unitCode, target.valueHigh, target.unitCode)
  )
    return false;
  const spans = occurrences(text, target.quote);
  // A quote the text does not hold is a catalogue fault: fall back on value and year alone.
  if (spans.length === 0) return true;
  return overlaps(candidate, target.quote, spans);
}

/** A candidate is a restatement of a target when it matches the figure as the restating passage writes it, there. */
export function matchesRestatement(candidate: TargetProposal, target: Target, restatement: Restatement, text: string): boolean {
  const written: Target = {
    ...target,
    quote: restatement.quote,
    value: restatement.value ?? target.value,
    comparison: restatement.comparison ?? target.comparison,
  };
  const high = restatement.value !== undefined ? restatement.valueHigh : target.valueHigh;
  if (high === undefined) delete written.valueHigh;
  else written.valueHigh = high;
  return occurrences(text, restatement.quote).length > 0 && matchesTarget(candidate, written, text);
}

/** A candidate is an aim's passage (千亿级产业集群: no year, no value of its own) when its quote overlaps the aim's. */
export function matchesAim(candidate: TargetProposal, aim: Aim, text: string): boolean {
  return overlaps(candidate, aim.quote, occurrences(text, aim.quote));
}

function overlaps(candidate: TargetProposal, quote: string, spans: readonly number[]): boolean {
  const from = candidate.offset;
  const to = candidate.offset + candidate.quote.length;
  return spans.some((s) => s < to && from < s + quote.length);
}

function sameQuantity(a: number, aUnit: string | null, b: number, bUnit: string): boolean {
  if (a === b) return true;
  if (aUnit === null) return false;
  const converted = convertValue(a, aUnit, bUnit);
  return converted.ok && Math.abs(converted.value - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(quote); at >= 0 && quote !== ''; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}
