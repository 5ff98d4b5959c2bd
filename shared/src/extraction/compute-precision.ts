import type { Aim, Target } from '../catalogue/catalogue-schema.js';
import type { TargetProposal } from './target-proposal.js';
import { matchesAim, matchesRestatement, matchesTarget } from './matches-target.js';

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
  /**
   * Proposals of a catalogued passage that is not a target of its own: a restatement of a target
   * (闵行园 task 10 建成1-2家) or an aim (奉贤园 千亿级产业集群). Catalogued, so not extra.
   */
  restated: TargetProposal[];
  /** Proposals that match nothing catalogued. */
  extra: TargetProposal[];
  /** catalogued proposals (found and restated) / proposed; null when nothing was proposed (no division by zero). */
  precision: number | null;
  /** found targets / catalogued; null when nothing is catalogued. */
  recall: number | null;
}

export function computePrecision(text: string, candidates: readonly TargetProposal[], targets: readonly Target[], aims: readonly Aim[] = []): PrecisionReport {
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
  const restated = candidates.filter(
    (c) => !used.has(c) && (targets.some((t) => t.restatements.some((r) => matchesRestatement(c, t, r, text))) || aims.some((a) => matchesAim(c, a, text))),
  );
  const extra = candidates.filter((c) => !used.has(c) && !restated.includes(c));
  return {
    catalogued: targets.length,
    proposed: candidates.length,
    found,
    missed,
    restated,
    extra,
    precision: candidates.length === 0 ? null : (found.length + restated.length) / candidates.length,
    recall: targets.length === 0 ? null : found.length / targets.length,
  };
}
