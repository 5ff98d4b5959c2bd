import { makeIssue } from '../../issues/make-issue.js';
import { readReference } from '../read-reference.js';
import { figurePath, type RuleKindDef } from '../rule-context.js';

/**
 * A figure about `factor` times (or 1/factor of) last period's, or of its baseline, is almost
 * surely typed in the wrong unit (万元 for 亿元, 人 for 万人). It blocks: a slip of that size would
 * distort every total. Which of the two was mistyped, the message leaves to the statistician.
 */
export const magnitudeSlip: RuleKindDef<'magnitude_slip'> = {
  kind: 'magnitude_slip',
  description: { zh: '疑似单位错误（约一万倍）', en: 'Suspected unit slip (about 10,000×)' },
  check(rule, ctx) {
    const field = ctx.field(rule.field);
    const value = ctx.values[rule.field];
    const reference = readReference(rule.field, rule.against, ctx);
    const previous = reference.value;
    if (value == null || previous == null || value <= 0 || previous <= 0) return [];
    const ratio = value / previous;
    const near = (r: number) => r >= rule.factor / 10 ** 0.5 && r <= rule.factor * 10 ** 0.5;
    if (!near(ratio) && !near(1 / ratio)) return [];
    return [
      makeIssue(ratio > 1 ? 'magnitude_slip_up' : 'magnitude_slip_down', 'error', figurePath(rule.field), {
        field: field.label.zh,
        fieldEn: field.label.en,
        value,
        previous,
        unit: field.unit,
        times: Math.round(ratio > 1 ? ratio : 1 / ratio),
        ...reference.params,
      }),
    ];
  },
};
