import { makeIssue } from '../../issues/make-issue.js';
import { figurePath, type RuleKindDef } from '../rule-context.js';

/** 研发经费支出 ≤ 营业收入, 主导产业营收 ≤ 营业收入: a part cannot exceed its whole. */
export const partLeWhole: RuleKindDef<'part_le_whole'> = {
  kind: 'part_le_whole',
  description: { zh: '分项不大于总量', en: 'A part is not larger than its whole' },
  check(rule, ctx) {
    const part = ctx.values[rule.part];
    const whole = ctx.values[rule.whole];
    if (part == null || whole == null || part <= whole + rule.tolerance) return [];
    return [
      makeIssue('part_exceeds_whole', 'error', figurePath(rule.part), {
        part: ctx.field(rule.part).label.zh,
        partEn: ctx.field(rule.part).label.en,
        partValue: part,
        whole: ctx.field(rule.whole).label.zh,
        wholeEn: ctx.field(rule.whole).label.en,
        wholeValue: whole,
        unit: ctx.field(rule.part).unit,
      }),
    ];
  },
};
