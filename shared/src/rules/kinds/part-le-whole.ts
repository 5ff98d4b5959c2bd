import { makeIssue } from '../../issues/make-issue.js';
import { baselinePath, figurePath, type RuleContext, type RuleKindDef } from '../rule-context.js';
import type { RuleSpec } from '../rule-spec.js';

type Rule = Extract<RuleSpec, { kind: 'part_le_whole' }>;

/**
 * 研发经费支出 ≤ 营业收入, 主导产业营收 ≤ 营业收入: a part cannot exceed its whole, in this period's
 * figures and in the baselines (基期值) typed with them, which the 序时进度 path starts from.
 */
export const partLeWhole: RuleKindDef<'part_le_whole'> = {
  kind: 'part_le_whole',
  description: { zh: '分项不大于总量', en: 'A part is not larger than its whole' },
  check(rule, ctx) {
    const issues = [];
    const figures = compare(rule, ctx, ctx.values, figurePath(rule.part), { subject: '', subjectEn: '' });
    if (figures) issues.push(figures);
    // A baseline already accepted with an earlier return is not checked again.
    const typedNow = [rule.part, rule.whole].some((k) => ctx.field(k).baseline?.value === null);
    if (typedNow) {
      const baselines = compare(rule, ctx, ctx.baselines, baselinePath(rule.part), { subject: '基期值 ', subjectEn: ' (baseline)' });
      if (baselines) issues.push(baselines);
    }
    return issues;
  },
};

function compare(rule: Rule, ctx: RuleContext, values: Record<string, number | null>, path: string, subject: Record<string, string>) {
  const part = values[rule.part];
  const whole = values[rule.whole];
  // For a part of a part, the nearer whole, when reported, is the one to compare with.
  if ((rule.through ?? []).some((k) => values[k] != null)) return null;
  if (part == null || whole == null || part <= whole + rule.tolerance) return null;
  return makeIssue('part_exceeds_whole', 'error', path, {
    part: ctx.field(rule.part).label.zh,
    partEn: ctx.field(rule.part).label.en,
    partValue: part,
    whole: ctx.field(rule.whole).label.zh,
    wholeEn: ctx.field(rule.whole).label.en,
    wholeValue: whole,
    unit: ctx.field(rule.part).unit,
    ...subject,
  });
}
