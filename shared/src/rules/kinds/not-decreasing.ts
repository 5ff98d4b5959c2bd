import { makeIssue } from '../../issues/make-issue.js';
import { figurePath, type RuleKindDef } from '../rule-context.js';

/** A running total (累计) since the plan started can only stay or grow. */
export const notDecreasing: RuleKindDef<'not_decreasing'> = {
  kind: 'not_decreasing',
  description: { zh: '累计数不得小于上期', en: 'A running total does not fall' },
  check(rule, ctx) {
    const field = ctx.field(rule.field);
    const value = ctx.values[rule.field];
    const previous = field.previous;
    if (value == null || previous == null || value >= previous) return [];
    return [
      makeIssue('cumulative_decreased', 'error', figurePath(rule.field), {
        field: field.label.zh,
        fieldEn: field.label.en,
        value,
        previous,
        unit: field.unit,
      }),
    ];
  },
};
