import type { Lang } from '../issues/issue.js';
import type { TemplateField } from './template-model.js';

/**
 * A field's label on the sheet, saying how a running total is reported where the name alone does
 * not: 签约投资额 or 新增产业载体空间 are totals since the plan started (and a year's amount typed
 * there would understate them), while 高新技术企业数量（累计） or 累计集聚基金规模 are period-end
 * totals that include the years before the plan (and a count since the plan would fall below the
 * baseline). The start year is the one after the baseline year.
 */
export function labelOfField(field: TemplateField, lang: Lang): string {
  const own = lang === 'zh' ? field.label.zh : field.label.en;
  // One figure, several names: say which, 三大特色产业总规模（即主导及特色产业营收）.
  const also = (field.sameAs ?? []).map((a) => a.label[lang]);
  const name = also.length === 0 ? own : lang === 'zh' ? `${own}（即${also.join('、')}）` : `${own} (also ${also.join(', ')})`;
  if (field.measure === 'cumulative') {
    const start = field.baseline === null ? null : field.baseline.year + 1;
    if (lang === 'zh') return `${name}（${start === null ? '行动方案期内' : `自${start}年起`}累计）`;
    return `${name} (total since ${start === null ? 'the plan started' : start})`;
  }
  if (field.runningTotal) {
    return lang === 'zh' ? `${name}（期末累计总数，含方案起始前）` : `${name} (running total at period end, including before the plan)`;
  }
  return name;
}
