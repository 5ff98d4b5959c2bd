import type { Target } from '../catalogue/catalogue-schema.js';
import type { TargetProposal } from './target-proposal.js';
import { matchesTarget } from './matches-target.js';

/**
 * How the extractor did on one plan against its catalogued targets: which targets it found
 * (recall), what else it proposed (precision = proposals that are catalogued targets / all
 * proposals), and where a found target's reading differs from the catalogue's (comparison,
 * stretch, mapped indicator). Returns the parts so a report can explain the ratio.
 */
export interface PrecisionReport {
  catalogued: number;
  proposed: number;
  found: { target: Target; candidate: TargetProposal }[];
  missed: Target[];
  /** Proposals that match no catalogued target. */
  extra: TargetProposal[];
  /** found proposals / proposed; null when nothing was proposed (no division by zero). */
  precision: number | null;
  /** found targets / catalogued; null when nothing is catalogued. */
  recall: number | null;
}

export function computePrecision(text: string, candidates: readonly TargetProposal[], targets: readonly Target[]): PrecisionReport {
  const found: PrecisionReport['found'] = [];
  const missed: Target[] = [];
  const used = new Set<TargetProposal>();
  for (const target of targets) {
    const candidate = candidates.find((c) => !used.has(c) && matchesTarget(c, target, text));
    if (candidate) {
      used.add(candidate);
      found.push({ target, candidate });
    } else {
      missed.push(target);
    }
  }
  const extra = candidates.filter((c) => !used.has(c));
  return {
    catalogued: targets.length,
    proposed: candidates.length,
    found,
    missed,
    extra,
    precision: candidates.length === 0 ? null : found.length / candidates.length,
    recall: targets.length === 0 ? null : found.length / targets.length,
  };
}
