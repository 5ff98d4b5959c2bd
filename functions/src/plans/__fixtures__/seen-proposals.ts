import type { TargetProposal } from '@zj/shared';

/** What a reviewer sees of the proposals: the readings and mappings, not the offsets in one text or another. */
export function seenProposals(proposals: readonly TargetProposal[]) {
  return proposals.map((p) => ({ quote: p.quote, value: p.value, unit: p.unit, year: p.year, comparison: p.comparison, indicator: p.indicator, mapped: p.mappedIndicator, baseline: p.baseline?.value ?? null }));
}
