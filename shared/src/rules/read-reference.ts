import type { IssueParams } from '../issues/issue.js';
import type { RuleContext } from './rule-context.js';
import type { Reference } from './rule-spec.js';

/** The figure a change is measured from, with how the messages name it (上期 / 基期（2024年）). */
export interface ReferenceValue {
  value: number | null;
  params: IssueParams;
}

/**
 * The last period's accepted value of a field, or its baseline (基期值) when the rule compares a
 * first annual return with the year before the plan. A baseline that could not be read is null:
 * the rule stays silent, as the baseline's own issue already says what is wrong.
 */
export function readReference(field: string, against: Reference | undefined, ctx: RuleContext): ReferenceValue {
  const f = ctx.field(field);
  if (against !== 'baseline') return { value: f.previous, params: { reference: '上期', referenceEn: "last period's" } };
  const year = f.baseline?.year ?? '';
  return {
    value: ctx.baselines[field] ?? null,
    params: { reference: `基期（${year}年）`, referenceEn: `the ${year} baseline of` },
  };
}
