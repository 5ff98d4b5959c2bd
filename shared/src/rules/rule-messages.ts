import type { MessageTable } from '../messages/message-table.js';

export const RULE_MESSAGES: MessageTable = {
  zh: {
    field_unknown: '模板中没有字段「{field}」，请重新获取模板。',
    baseline_unexpected: '字段「{field}」不需要填写基期值。',
    value_missing: '「{field}」未填写（空白不等于 0；确实为零请填 0）。',
    value_declared_none: '「{field}」填写为“无”，请在说明中写明原因。',
    part_exceeds_whole: '「{part}」{subject}{partValue}{unit} 大于「{whole}」{subject}{wholeValue}{unit}，分项不能大于总量。',
    ratio_inconsistent: '「{field}」填写为 {typed}{unit}，但按分子分母计算为 {computed}{unit}，请核对。',
    ratio_denominator_zero: '「{field}」的分母为 0，无法计算比例，请核对或说明。',
    derived_out_of_range: '「{field}」{subject}按分子、分母计算为 {value}{unit}，超出 {bounds}{unit} 的范围，请核对分子与分母。',
    cumulative_decreased: '「{field}」为累计数，本期 {value}{unit} 小于{reference} {previous}{unit}，累计数不能减少。',
    magnitude_slip_up: '「{field}」本期 {value}{unit} 约为{reference} {previous}{unit} 的 {times} 倍，疑似单位填错（如万元/亿元、人/万人）。',
    magnitude_slip_down: '「{field}」本期 {value}{unit} 约为{reference} {previous}{unit} 的 1/{times}，疑似单位填错（如万元/亿元、人/万人）。',
    change_beyond_band: '「{field}」本期 {value}{unit} 较{reference} {previous}{unit} 变化 {change}，超过 {band}，请说明原因。',
    baseline_missing: '首次填报请填写「{field}」的基期值（{year}年）。',
    explanation_unmatched: '说明「{key}」没有对应的提示，也不是某一指标的说明（提示可能已因数据修改而消失）。请删除这条说明后再报送。',
  },
  en: {
    field_unknown: 'The template has no field "{field}": download the template again.',
    baseline_unexpected: 'Field "{field}" does not take a baseline.',
    value_missing: '"{fieldEn}" is blank (blank is not 0; type 0 if the figure is zero).',
    value_declared_none: '"{fieldEn}" is marked as none: explain why in the explanation.',
    part_exceeds_whole: '"{partEn}"{subjectEn} {partValue} {unit} is larger than "{wholeEn}"{subjectEn} {wholeValue} {unit}: a part cannot exceed its whole.',
    ratio_inconsistent: '"{fieldEn}" is typed as {typed} {unit} but its components give {computed} {unit}: check it.',
    ratio_denominator_zero: 'The denominator of "{fieldEn}" is 0, so the ratio cannot be computed: check or explain.',
    derived_out_of_range:
      '"{fieldEn}"{subjectEn} computed from its components is {value} {unit}, outside {bounds} {unit}: check the numerator and the denominator.',
    cumulative_decreased: '"{fieldEn}" is a running total: {value} {unit} is less than {referenceEn} {previous} {unit}; it cannot fall.',
    magnitude_slip_up: '"{fieldEn}" {value} {unit} is about {times} times {referenceEn} {previous} {unit}: probably the wrong unit (万元/亿元, persons/万人).',
    magnitude_slip_down: '"{fieldEn}" {value} {unit} is about 1/{times} of {referenceEn} {previous} {unit}: probably the wrong unit (万元/亿元, persons/万人).',
    change_beyond_band: '"{fieldEn}" {value} {unit} changed {change} from {referenceEn} {previous} {unit}, beyond {band}: explain why.',
    baseline_missing: 'This first return must also report the baseline of "{fieldEn}" ({year}).',
    explanation_unmatched:
      'Explanation "{key}" explains no warning of this return and no indicator (the warning may have gone when a figure was corrected). Remove it, then submit.',
  },
};
