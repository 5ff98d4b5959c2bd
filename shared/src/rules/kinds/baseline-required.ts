import { makeIssue } from '../../issues/make-issue.js';
import { baselinePath, type RuleKindDef } from '../rule-context.js';

/** The first return reports the baseline (基期值): evaluation measures progress from it. */
export const baselineRequired: RuleKindDef<'baseline_required'> = {
  kind: 'baseline_required',
  description: { zh: '首次填报需填写基期值', en: 'The first return reports the baseline' },
  check(rule, ctx) {
    const field = ctx.field(rule.field);
    if (ctx.baselines[rule.field] != null || ctx.unreadable.has(baselinePath(rule.field))) return [];
    return [
      makeIssue('baseline_missing', 'error', baselinePath(rule.field), {
        field: field.label.zh,
        fieldEn: field.label.en,
        year: field.baseline?.year ?? '',
      }),
    ];
  },
};
