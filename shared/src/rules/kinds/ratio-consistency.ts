import { makeIssue } from '../../issues/make-issue.js';
import { figurePath, type RuleKindDef } from '../rule-context.js';

/** A typed share or rate must agree with its numerator and denominator (never trusted alone). */
export const ratioConsistency: RuleKindDef<'ratio_consistency'> = {
  kind: 'ratio_consistency',
  description: { zh: '比例与其分子分母一致', en: 'A ratio agrees with its components' },
  check(rule, ctx) {
    const issues = [];
    const typed = ctx.values[rule.field];
    const d = ctx.derived[rule.field];
    const field = ctx.field(rule.field);
    if (d?.reason === 'division_by_zero') {
      issues.push(makeIssue('ratio_denominator_zero', 'warning', figurePath(rule.field), { field: field.label.zh, fieldEn: field.label.en }));
    }
    if (typed != null && d?.value != null && Math.abs(typed - d.value) > rule.tolerance) {
      issues.push(
        makeIssue('ratio_inconsistent', 'error', figurePath(rule.field), {
          field: field.label.zh,
          fieldEn: field.label.en,
          typed,
          computed: Math.round(d.value * 100) / 100,
          unit: field.unit,
        }),
      );
    }
    return issues;
  },
};
