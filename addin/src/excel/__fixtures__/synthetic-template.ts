import type { RuleSpec, TemplateField, TemplateModel } from '@zj/shared';

/**
 * A template of `rows` fields shaped like real ones: amounts in 万元 with a part ≤ whole pair,
 * whole counts, a derived ratio every tenth row (a formula in the sheet), baselines to report on
 * targeted fields, and targets quoting a long Chinese sentence (the bulk of the bytes).
 */
export function syntheticTemplate(rows: number, version = `${'v'.repeat(8)}0123456789abcdef`): TemplateModel {
  const fields: TemplateField[] = [];
  const rules: RuleSpec[] = [];
  for (let i = 0; i < rows; i++) {
    const key = `indicator_${String(i).padStart(4, '0')}`;
    const derived = i % 10 === 9;
    const targeted = i % 3 === 0;
    const integer = i % 4 === 1 && !derived;
    const field: TemplateField = {
      key,
      indicator: key,
      label: { zh: `第${i + 1}项指标（营业收入、研发经费支出等）`, en: `Indicator ${i + 1} (revenue, R&D spending and the like)` },
      definition: { zh: '园区企业当年数', en: 'Of park enterprises, in the year' },
      unit: derived ? '%' : integer ? '家' : '万元',
      valueType: integer ? 'integer' : 'decimal',
      measure: derived ? 'ratio' : integer ? 'level' : 'flow',
      derived,
      runningTotal: false,
      ...(derived ? { formula: { numerator: fields[i - 1]!.key, denominator: fields[i - 2]!.key, scale: 100 } } : {}),
      reasons: targeted ? ['target'] : ['common'],
      required: !derived,
      min: 0,
      ...(derived ? { max: 100 } : {}),
      previous: i % 2 === 0 ? 1000 + i : null,
      targets: targeted
        ? [
            {
              id: `p.${key}.2026`,
              value: 180 + i,
              unit: '亿元',
              canonicalValue: (180 + i) * 10000,
              comparison: 'gte',
              stretch: i % 6 === 0,
              year: 2026,
              quote: `到2026年，园区主导产业集聚度和创新能力显著提升，第${i + 1}项指标达到${180 + i}亿元，形成具有全球影响力的产业集群。`,
            },
          ]
        : [],
      baseline: targeted ? { year: 2024, value: i % 2 === 0 ? null : 900 + i } : null,
    };
    fields.push(field);
    rules.push({ kind: 'figure', field: key });
    if (derived) rules.push({ kind: 'ratio_consistency', field: key, tolerance: 0.01 });
    if (i % 10 === 8) rules.push({ kind: 'part_le_whole', part: key, whole: fields[i - 1]!.key, tolerance: 0 });
  }
  return {
    park: 'alpha',
    parkName: { zh: '甲园', en: 'Alpha Park' },
    form: { zone: { zh: '张江高新区', en: 'Zhangjiang High-tech Zone' }, number: '张江高新统1表', authority: { zh: '张江高新区管理委员会', en: 'Zhangjiang High-tech Zone Administrative Committee' } },
    period: '2025',
    periodDays: 365,
    previousPeriod: '2024',
    fields,
    rules,
    version,
    catalogueVersion: 1,
  };
}
