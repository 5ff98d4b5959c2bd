import type { MessageTable } from '../messages/message-table.js';

/**
 * Messages for reading and converting figures (parse-figure.ts, convert-value.ts).
 * {raw} is the cell as typed, {unit} the field's unit, {typedUnit} what followed the number,
 * {value} the figure after conversion to {unit}.
 */
export const FIGURE_MESSAGES: MessageTable = {
  zh: {
    figure_not_a_number: '「{raw}」不是数字，请填写以{unit}计的数值。',
    figure_not_finite: '「{raw}」不是有效的数值（过大或无法计算），请填写以{unit}计的数值。',
    figure_too_large: '「{raw}」过大（达到{limit}{unit}以上），请检查是否多输入了数字或用错了单位。',
    figure_ambiguous_separator: '「{raw}」中的分隔符有歧义：千位分隔符只能用逗号、每组三位（如1,234,567.8），小数请用小数点。本栏单位为{unit}。',
    figure_multiple_numbers: '「{raw}」包含不止一个数字，请只填写一个以{unit}计的数值。',
    figure_approximate: '「{raw}」是估计值，请填写以{unit}计的确切数值。',
    figure_unknown_unit: '「{raw}」中的单位「{typedUnit}」无法识别，本栏单位为{unit}。',
    figure_unit_mismatch: '「{raw}」中的单位「{typedUnit}」与本栏单位{unit}不是同一种量，无法换算。',
    figure_magnitude_not_allowed: '「{raw}」中的数量词「{magnitude}」不能用于本栏（单位{unit}），请直接填写以{unit}计的数值。',
    figure_not_integer: '「{raw}」（即{value}{unit}）不是整数，本栏只能填写整数。',
    figure_negative: '「{raw}」（即{value}{unit}）是负数，本栏不能小于0。',
    figure_below_min: '「{raw}」（即{value}{unit}）小于允许的最小值{min}{unit}。',
    figure_above_max: '「{raw}」（即{value}{unit}）大于允许的最大值{max}{unit}。',
    figure_percent_looks_like_fraction: '「{raw}」已按{value}{unit}读取。如果指的是{percent}{unit}，请改填{percent}。',
    figure_field_unit_unknown: '本栏的单位「{unit}」不在单位表中，无法读取「{raw}」（指标目录配置有误）。',
    figure_convert_unknown_unit: '单位「{unit}」不在单位表中，无法换算。',
    figure_convert_dimension_mismatch: '{value}{from}不能换算为{to}：两者不是同一种量。',
    figure_convert_not_finite: '{value}{from}换算为{to}后不是有效的数值。',
  },
  en: {
    figure_not_a_number: "'{raw}' is not a number; enter a figure in {unit}.",
    figure_not_finite: "'{raw}' is not a usable number (too large, or not a value); enter a figure in {unit}.",
    figure_too_large: "'{raw}' is too large ({limit} {unit} or more): check for extra digits or the wrong unit.",
    figure_ambiguous_separator:
      "'{raw}' has ambiguous separators: use commas only between groups of three digits (1,234,567.8) and a point for decimals. This field is in {unit}.",
    figure_multiple_numbers: "'{raw}' contains more than one number; enter a single figure in {unit}.",
    figure_approximate: "'{raw}' is an estimate; enter the exact figure in {unit}.",
    figure_unknown_unit: "'{raw}': the unit '{typedUnit}' is not recognised; this field is in {unit}.",
    figure_unit_mismatch: "'{raw}': '{typedUnit}' measures something other than this field's unit {unit}, so it cannot be converted.",
    figure_magnitude_not_allowed: "'{raw}': the magnitude '{magnitude}' cannot be used in this field ({unit}); enter the figure in {unit} directly.",
    figure_not_integer: "'{raw}' ({value} {unit}) is not a whole number; this field takes whole numbers only.",
    figure_negative: "'{raw}' ({value} {unit}) is negative; this field cannot be below 0.",
    figure_below_min: "'{raw}' ({value} {unit}) is below the minimum of {min} {unit}.",
    figure_above_max: "'{raw}' ({value} {unit}) is above the maximum of {max} {unit}.",
    figure_percent_looks_like_fraction: "'{raw}' was read as {value}{unit}. If you meant {percent}{unit}, enter {percent}.",
    figure_field_unit_unknown: "This field's unit '{unit}' is not in the unit table, so '{raw}' cannot be read (catalogue configuration error).",
    figure_convert_unknown_unit: "The unit '{unit}' is not in the unit table; cannot convert.",
    figure_convert_dimension_mismatch: '{value} {from} cannot be converted to {to}: they measure different quantities.',
    figure_convert_not_finite: '{value} {from} converted to {to} is not a usable number.',
  },
};
