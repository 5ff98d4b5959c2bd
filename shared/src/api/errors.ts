import type { Lang } from '../issues/issue.js';

/**
 * The error codes of the HTTP API (ApiErrorBody.error.code), as a typed union: a mistyped code
 * fails to compile. Codes are stable; clients branch on them, people read the text. Which HTTP
 * status each code gets is decided at the edge (functions/src/http/error-response.ts), not here.
 */

/** Why an uploaded workbook is refused (the issue codes of reading it, functions/src/workbooks). */
export const UPLOAD_REFUSAL_CODES = [
  'upload_empty',
  'upload_too_large',
  'upload_legacy_xls',
  'upload_not_xlsx',
  'upload_macro_enabled',
  'upload_corrupt',
  'upload_too_many_entries',
  'upload_expands_too_far',
  'upload_compression_too_high',
  'upload_external_links',
  'upload_vba_project',
  'upload_embedded_objects',
  'upload_sheet_missing',
  'upload_meta_missing',
  'upload_meta_tampered',
  'upload_wrong_park',
  'upload_wrong_period',
  'upload_template_outdated',
  'upload_layout_changed',
  'upload_ods',
  'upload_rows_sorted',
  'upload_rows_inserted',
  'upload_rows_deleted',
  'upload_column_inserted',
  'upload_column_deleted',
  'upload_header_changed',
] as const;
export type UploadRefusalCode = (typeof UPLOAD_REFUSAL_CODES)[number];

export function isUploadRefusalCode(code: string): code is UploadRefusalCode {
  return (UPLOAD_REFUSAL_CODES as readonly string[]).includes(code);
}

/**
 * Why a caller is not let in (any route that needs a user may answer these): not signed in, a
 * token refused, Entra ID unreachable, or a user Entra ID knows without the app roles this
 * system needs (no role, no park, a park not in the catalogue, more than one).
 */
export const SIGN_IN_REFUSAL_CODES = [
  'unauthenticated',
  'invalid_token',
  'auth_unavailable',
  'insufficient_scope',
  'no_app_role',
  'no_park',
  'park_not_in_catalogue',
  'ambiguous_assignment',
] as const;

export const API_ERROR_CODES = [
  ...SIGN_IN_REFUSAL_CODES,
  'forbidden_role',
  'forbidden_park',
  'unknown_park',
  'invalid_period',
  'invalid_year',
  'unsupported_media_type',
  'malformed_json',
  'malformed_form',
  'body_too_large',
  'invalid_body',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'stale_template',
  'period_locked',
  'period_not_started',
  'draft_not_found',
  'lock_conflict',
  'draft_conflict',
  'return_not_acceptable',
  'version_conflict',
  'return_not_found',
  'version_not_found',
  'invalid_version',
  'review_comment_required',
  'review_not_latest',
  'review_not_pending',
  'onboarding_not_found',
  'onboarding_not_publishable',
  'catalogue_conflict',
  'plan_no_targets',
  'plan_no_text',
  'plan_unreadable',
  'route_not_found',
  'method_not_allowed',
  'storage_unavailable',
  'internal_error',
  ...UPLOAD_REFUSAL_CODES,
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Texts of a code when a more precise one applies (the code stays the same). */
export type ApiMessageVariant = 'invalid_period_year_out_of_range' | 'invalid_year_out_of_range';

/** Texts of the error codes (the upload codes' texts are with the template's messages), and of body_field_invalid, the issue an invalid body lists. */
type ApiMessageKey = Exclude<ApiErrorCode, UploadRefusalCode> | ApiMessageVariant | 'body_field_invalid';

/** Each code's text in both languages; a code without one fails to compile. */
export const API_MESSAGES: Record<Lang, Record<ApiMessageKey, string>> = {
  zh: {
    unauthenticated: '未登录或登录已失效,请重新登录。',
    invalid_token: '身份令牌无效或已过期,请重新获取。',
    auth_unavailable: '暂时无法验证您的登录(连不上 Microsoft Entra ID),本次未执行任何操作。请稍后重试。',
    insufficient_scope: '身份令牌没有本系统所需的权限({scope}),请重新登录;如果仍然出现,请联系{contact}检查应用注册。',
    no_app_role: '您的账号 {user} 尚未分配本系统的角色(园区统计员、园区审核员或管委会汇总)。请联系{contact},为您分配角色和园区。',
    no_park: '您的角色是{role},但尚未分配园区。请联系{contact},为您的账号 {user} 分配园区。',
    park_not_in_catalogue: '您的账号 {user} 被分配的园区「{park}」不在本系统的园区目录中。请联系{contact}核对园区分配。',
    ambiguous_assignment: '您的账号 {user} 同时分配了{assigned},而每个账号只能有一个角色和一个园区。请联系{contact},只保留一项。',
    forbidden_role: '您的角色({role})不能执行此操作。',
    forbidden_park: '您只能访问本园区({own})的数据,不能访问「{park}」。',
    unknown_park: '园区「{park}」不存在。',
    invalid_period: '报告期「{period}」无效:年报填写如“2025”,季报填写如“2025Q3”。',
    invalid_year: '年份「{year}」无效,应为四位数年份,如“2025”。',
    // Texts of invalid_period / invalid_year when the year is out of range (the code stays the same).
    invalid_period_year_out_of_range: '报告期「{period}」的年份超出范围:应在{min}至{max}年之间(年报如“2025”,季报如“2025Q3”)。',
    invalid_year_out_of_range: '年份「{year}」超出范围:应在{min}至{max}年之间。',
    unsupported_media_type: '请求内容类型应为 application/json,收到的是「{contentType}」。',
    malformed_json: '请求内容不是有效的 JSON。',
    malformed_form: '上传的表单不完整或格式不正确,请重新选择文件后上传。',
    body_too_large: '请求内容过大:上限为{limit}字节。',
    invalid_body: '请求内容格式不正确,请检查标出的字段。',
    body_field_invalid: '字段「{field}」的类型或取值不正确,应为 {expected}。',
    invalid_idempotency_key: 'Idempotency-Key 请求头应为1至128个字母、数字或 ._:- 字符。',
    idempotency_key_reused: '此 Idempotency-Key 已用于另一份内容不同的报送,请换一个新的键。',
    stale_template: '报表模板已更新(当前版本 {current}),请重新下载模板后再报送。',
    period_locked: '报告期 {period} 已锁定,不能再报送或保存草稿。',
    period_not_started: '报告期 {period} 尚未开始({start} 起方可填报),现在不能校验、报送、上传或保存草稿。',
    draft_not_found: '{park} {period} 尚无服务器草稿。',
    lock_conflict: '报告期 {period} 的锁定状态更新时恰有报送同时到达,本次未完成,请重试。',
    draft_conflict: '同一园区同一报告期的保存同时到达,本次草稿未保存,请稍后重试(工作表中的数据不受影响)。',
    return_not_acceptable: '报表未通过校验:有{errors}个错误、{unexplained}个未说明的提示,请修改或说明后再报送。',
    version_conflict: '同一园区同一报告期的报送同时到达,本次未保存,请稍后重试。',
    return_not_found: '{park} {period} 尚无报送记录。',
    version_not_found: '{park} {period} 没有第{version}版。',
    invalid_version: '版本号「{version}」应为正整数。',
    review_comment_required: '退回时必须填写意见。',
    review_not_latest: '只能审核最新版本(第{latest}版),第{version}版已被新版本取代。',
    review_not_pending: '第{version}版已审核({decision}),需园区重新报送后才能再审核。',
    onboarding_not_found: '找不到新园区导入草稿「{id}」:可能已发布或已删除。',
    onboarding_not_publishable: '方案尚不能发布:请先处理标出的问题。',
    catalogue_conflict: '目录已被他人更新为第 {current} 版,本次发布未保存:请重新打开草稿,在新版本上核对后再发布。',
    plan_no_targets: '上传的文本中没有找到量化目标(如“到2026年……达到……亿元”):请确认上传的是行动方案正文。',
    plan_no_text: '该 PDF 没有文字层(可能是扫描件),无法读取:请上传 Word 文档、文字版 PDF,或粘贴方案文本。',
    plan_unreadable: '无法读取上传的文件「{file}」:请上传 .txt、.docx 或带文字层的 PDF。',
    route_not_found: '没有这个接口:{method} {path}。',
    method_not_allowed: '接口 {path} 不支持 {method} 方法。',
    storage_unavailable: '存储服务暂时不可用,本次操作可能未完成。请稍后用同一操作重试:同一次报送重试不会重复保存。',
    internal_error: '服务器内部错误,本次未保存任何内容。请稍后重试,或联系管理员(编号 {ref})。',
  },
  en: {
    unauthenticated: 'You are not signed in, or your sign-in has expired.',
    invalid_token: 'The identity token is invalid or has expired: get a new one.',
    auth_unavailable: 'Your sign-in cannot be checked right now (Microsoft Entra ID does not answer); nothing was done. Try again shortly.',
    insufficient_scope: 'Your token lacks the permission this system needs ({scope}). Sign in again; if this persists, ask {contact} to check the app registration.',
    no_app_role: 'Your account {user} has no role in this system (park statistician, park reviewer or zone consolidator). Ask {contact} to assign you a role and a park.',
    no_park: 'Your role is {role}, but no park is assigned to you. Ask {contact} to assign a park to your account {user}.',
    park_not_in_catalogue: "The park '{park}' assigned to your account {user} is not in this system's list of parks. Ask {contact} to check the assignment.",
    ambiguous_assignment: 'Your account {user} is assigned {assigned}, but an account has one role and one park. Ask {contact} to keep only one.',
    forbidden_role: 'Your role ({role}) may not do this.',
    forbidden_park: "You may only access your own park ({own}), not '{park}'.",
    unknown_park: "There is no park '{park}'.",
    invalid_period: "'{period}' is not a valid period: write a year as 2025 or a quarter as 2025Q3.",
    invalid_year: "'{year}' is not a valid year: write four digits, e.g. 2025.",
    invalid_period_year_out_of_range: "'{period}' is not a valid period: the year must be between {min} and {max} (a year as 2025, a quarter as 2025Q3).",
    invalid_year_out_of_range: "'{year}' is out of range: the year must be between {min} and {max}.",
    unsupported_media_type: "The request body must be application/json, not '{contentType}'.",
    malformed_json: 'The request body is not valid JSON.',
    malformed_form: 'The upload form is incomplete or malformed: choose the file again and upload it.',
    body_too_large: 'The request body is too large: the limit is {limit} bytes.',
    invalid_body: 'The request body is not in the expected form: see the fields listed.',
    body_field_invalid: "Field '{field}' must be {expected}.",
    invalid_idempotency_key: 'The Idempotency-Key header must be 1 to 128 letters, digits or ._:- characters.',
    idempotency_key_reused: 'This Idempotency-Key was already used for a submission with different content: use a new key.',
    stale_template: 'The template has changed (current version {current}): download it again before submitting.',
    period_locked: 'Period {period} is locked: no more submissions or drafts are accepted.',
    period_not_started: 'Period {period} has not begun: returns for it are validated, submitted, uploaded and saved as drafts from {start}.',
    draft_not_found: 'There is no server draft for {park} {period}.',
    lock_conflict: 'Submissions kept arriving while period {period} was being locked or unlocked; it is not finished. Try again.',
    draft_conflict: 'Other saves for the same park and period arrived at the same time; this draft was not stored. Try again (the sheet is unaffected).',
    return_not_acceptable:
      'The return did not pass validation: {errors} errors and {unexplained} unexplained warnings. Fix or explain them, then submit.',
    version_conflict: 'Another submission for the same park and period arrived at the same time; this one was not stored. Try again.',
    return_not_found: 'No return has been submitted for {park} {period}.',
    version_not_found: '{park} {period} has no version {version}.',
    invalid_version: "Version '{version}' must be a positive whole number.",
    review_comment_required: 'A comment is required when returning a return.',
    review_not_latest: 'Only the latest version ({latest}) can be reviewed; version {version} has been superseded.',
    review_not_pending: 'Version {version} has already been reviewed ({decision}); the park must submit again first.',
    onboarding_not_found: "No onboarding draft '{id}': it may have been published or removed.",
    onboarding_not_publishable: 'The plan cannot be published yet: resolve the issues listed.',
    catalogue_conflict: 'Someone else has published catalogue version {current} meanwhile; this publish was not stored. Reopen the draft, check it against the new version and publish again.',
    plan_no_targets: 'No quantified target (such as “by 2026 … reach … 亿元”) was found in the uploaded text: check that it is the plan itself.',
    plan_no_text: 'This PDF has no text layer (probably a scan) and cannot be read: upload a Word document or a PDF with text, or paste the plan text.',
    plan_unreadable: "The uploaded file '{file}' cannot be read: upload .txt, .docx or a PDF with a text layer.",
    route_not_found: 'There is no endpoint {method} {path}.',
    method_not_allowed: 'Endpoint {path} does not accept {method}.',
    storage_unavailable: 'Storage is unavailable for the moment, so this may not have completed. Try the same action again shortly: retrying the same submission never stores it twice.',
    internal_error: 'Internal server error; nothing was stored. Try again, or contact the administrator (reference {ref}).',
  },
};
