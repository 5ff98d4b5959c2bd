import type { MessageTable } from '../messages/message-table.js';

/** Messages of checkOnboarding: what keeps a reviewed plan from being published. */
export const ONBOARDING_MESSAGES: MessageTable = {
  zh: {
    onboarding_no_targets: '该方案没有已接受的量化目标：请至少接受一条带数值的目标，或确认上传的是行动方案正文。',
    onboarding_duplicate_park: '目录中已有园区「{park}」：如要替换其行动方案，请选择“替换现有园区的方案”。',
    onboarding_unknown_park: '目录中没有园区「{park}」，无法替换其方案。',
    onboarding_park_code_invalid: '园区代码「{park}」无效：请用小写英文字母、数字和下划线，以字母开头（如 lingang）。',
    onboarding_title_missing: '请填写方案标题。',
    onboarding_park_name_missing: '请填写园区的中文名和英文名。',
    onboarding_period_missing: '请填写方案的起止年份。',
    onboarding_plan_period_invalid: '方案期限无效：起始年 {start} 应不晚于结束年 {end}。',
    onboarding_from_year_invalid: '新方案起效年份 {year} 应在 {start} 至 {end} 年之间。',
    onboarding_value_missing: '第 {item} 条目标没有数值。',
    onboarding_quote_not_in_plan: '第 {item} 条目标的原文引用在上传的方案中找不到，请从方案原文中复制。',
    onboarding_unknown_unit: '第 {item} 条目标的单位「{unit}」不在目录的计量单位中。',
    onboarding_year_outside_plan: '第 {item} 条目标的年份 {year} 不在方案期限 {start}—{end} 年内。',
    onboarding_comparison_unsupported: '第 {item} 条目标是上限（不高于），目录暂只评估“达到/超过/区间”型目标：请拒绝该条或改为记录在备注中。',
    onboarding_indicator_unmapped: '第 {item} 条目标尚未对应指标：请选择现有指标或新建指标。',
    onboarding_indicator_unknown: '第 {item} 条目标对应的指标「{indicator}」不在目录中，也不是新建指标。',
    onboarding_unit_mismatch: '第 {item} 条目标的单位「{unit}」与指标「{indicator}」的单位「{indicatorUnit}」不是同一量纲。',
    onboarding_definition_unconfirmed: '第 {item} 条目标对应的指标「{indicator}」须与「{other}」区分：请对照两者口径后确认。',
    onboarding_duplicate_target: '第 {item} 条与第 {other} 条是同一指标同一年份的目标，请只保留一条。',
    onboarding_indicator_invalid:
      '新建指标「{indicator}」的定义不完整或与现有指标重复：代码（小写英文）、中英文名称、规范计量单位均须填写，比率型指标须指定分子和分母。',
  },
  en: {
    onboarding_no_targets: 'The plan has no accepted quantified target: accept at least one target with a value, or check that the upload is the plan itself.',
    onboarding_duplicate_park: "The catalogue already has the park '{park}': to replace its plan, choose “replace an existing park's plan”.",
    onboarding_unknown_park: "The catalogue has no park '{park}' whose plan could be replaced.",
    onboarding_park_code_invalid: "Park code '{park}' is not valid: use lower-case letters, digits and underscores, starting with a letter (e.g. lingang).",
    onboarding_title_missing: "Please fill in the plan's title.",
    onboarding_park_name_missing: "Please fill in the park's name in Chinese and English.",
    onboarding_period_missing: "Please fill in the plan's first and last year.",
    onboarding_plan_period_invalid: 'The plan period is not valid: the first year {start} must not be after the last year {end}.',
    onboarding_from_year_invalid: 'The year the new plan takes effect, {year}, must be between {start} and {end}.',
    onboarding_value_missing: 'Target {item} has no value.',
    onboarding_quote_not_in_plan: "Target {item}'s quote is not in the uploaded plan: copy it from the plan's text.",
    onboarding_unknown_unit: "Target {item}'s unit '{unit}' is not a unit the catalogue knows.",
    onboarding_year_outside_plan: "Target {item}'s year {year} is outside the plan period {start}–{end}.",
    onboarding_comparison_unsupported:
      'Target {item} is a ceiling (at most); the catalogue evaluates reach, exceed and range targets only: reject it or keep it as a note.',
    onboarding_indicator_unmapped: 'Target {item} is not mapped to an indicator: choose an existing one or define a new one.',
    onboarding_indicator_unknown: "Target {item} is mapped to '{indicator}', which is neither in the catalogue nor a new indicator.",
    onboarding_unit_mismatch: "Target {item}'s unit '{unit}' does not measure the same thing as the unit '{indicatorUnit}' of '{indicator}'.",
    onboarding_definition_unconfirmed:
      "Target {item} is mapped to '{indicator}', which must be kept apart from '{other}': compare the two definitions and confirm.",
    onboarding_duplicate_target: 'Targets {item} and {other} are the same indicator and year: keep one.',
    onboarding_indicator_invalid:
      "New indicator '{indicator}' is incomplete or repeats an existing one: a code (lower-case), names in Chinese and English and a canonical unit are needed, and a ratio needs its numerator and denominator.",
  },
};
