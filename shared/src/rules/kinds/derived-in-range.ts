import { decimalString } from '../../figures/decimal-string.js';
import { makeIssue } from '../../issues/make-issue.js';
import { baselinePath, figurePath, type RuleKindDef } from '../rule-context.js';
import type { TemplateField } from '../../templates/template-model.js';

/**
 * A ratio or rate computed from its components lies within its field's bounds: a share is 0-100%.
 * Typed figures are bounded when they are parsed, but a computed share is not typed: 三大特色产业
 * 占全区比重 above 100% means the park's figure exceeds the district's, which no part ≤ whole rule
 * covers (the numerator is a part of the park's revenue, not of the district total).
 * Checked for this period and for a baseline computed from components typed with this return.
 */
export const derivedInRange: RuleKindDef<'derived_in_range'> = {
  kind: 'derived_in_range',
  description: { zh: '比例（由分子分母计算）在合理范围内', en: 'A computed ratio lies within its bounds' },
  check(rule, ctx) {
    const field = ctx.field(rule.field);
    const issues = [];
    const current = ctx.derived[rule.field]?.value ?? null;
    if (outside(current, field)) issues.push(issue(field, current!, figurePath(rule.field), '', ''));
    const baseline = ctx.baselines[rule.field] ?? null;
    if (field.baseline?.value === null && outside(baseline, field)) {
      issues.push(issue(field, baseline!, baselinePath(rule.field), '的基期值', ' (baseline)'));
    }
    return issues;
  },
};

const outside = (value: number | null, f: TemplateField): boolean =>
  value !== null && ((f.min !== undefined && value < f.min) || (f.max !== undefined && value > f.max));

function issue(f: TemplateField, value: number, path: string, subject: string, subjectEn: string) {
  const bounds = f.max === undefined ? `≥${f.min ?? ''}` : `${f.min ?? ''}–${f.max}`;
  return makeIssue('derived_out_of_range', 'error', path, {
    field: f.label.zh,
    fieldEn: f.label.en,
    subject,
    subjectEn,
    value: decimalString(value, 2),
    unit: f.unit,
    bounds,
  });
}
