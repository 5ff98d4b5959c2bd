import { makeIssue } from '../../issues/make-issue.js';
import { readReference } from '../read-reference.js';
import { figurePath, type RuleKindDef } from '../rule-context.js';

/** A running total (累计) can only stay or grow: from the last period, or from its baseline. */
export const notDecreasing: RuleKindDef<'not_decreasing'> = {
  kind: 'not_decreasing',
  description: { zh: '累计数不得小于上期', en: 'A running total does not fall' },
  check(rule, ctx) {
    const field = ctx.field(rule.field);
    const value = ctx.values[rule.field];
    const reference = readReference(rule.field, rule.against, ctx);
    const previous = reference.value;
    if (value == null || previous == null || value >= previous) return [];
    return [
      makeIssue('cumulative_decreased', 'error', figurePath(rule.field), {
        field: field.label.zh,
        fieldEn: field.label.en,
        value,
        previous,
        unit: field.unit,
        ...reference.params,
      }),
    ];
  },
};
