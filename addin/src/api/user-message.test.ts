import type { ApiErrorCode } from '@zj/shared/api';
import { describe, expect, it } from 'vitest';
import { SignInFailedError, SignInRequiredError } from '../auth/entra-auth.js';
import { ExcelError } from '../excel/excel-error.js';
import { translator } from '../i18n/translate.js';
import { ApiRequestError, NetworkError } from './api-errors.js';
import { toUserMessage } from './user-message.js';

const zh = translator('zh');
const en = translator('en');
const body = (code: ApiErrorCode) => ({ error: { code, message: { zh: `中文 ${code}`, en: `English ${code}` } } });

describe('toUserMessage', () => {
  it.each([
    ['offline', new NetworkError('offline'), /数据仍在工作表中/, ['retry']],
    ['timeout', new NetworkError('timeout'), /没有响应/, ['retry']],
    ['401 (after the silent retry)', new ApiRequestError(401, body('invalid_token'), new Headers()), /^登录已失效，请重新登录。您填写的数据仍在工作表中。$/, ['sign_in']],
    ['no token without the user', new SignInRequiredError(), /^登录已失效，请重新登录。您填写的数据仍在工作表中。$/, ['sign_in']],
    ['sign-in window closed', new SignInFailedError('cancelled'), /登录窗口已关闭/, ['sign_in']],
    ['sign-in window blocked', new SignInFailedError('popup_blocked'), /允许本页打开弹出窗口/, ['sign_in']],
    ['sign-in failed', new SignInFailedError('failed'), /请联系管理员/, ['sign_in']],
    ['403 no role (the API says whom to ask)', new ApiRequestError(403, body('no_app_role'), new Headers()), /^中文 no_app_role$/, []],
    ['stale', new ApiRequestError(409, body('stale_template'), new Headers()), /中文 stale_template/, ['get_template']],
    ['503', new ApiRequestError(503, body('storage_unavailable'), new Headers()), /中文 storage_unavailable/, ['retry']],
    ['500 without a body', new ApiRequestError(500, null, new Headers()), /服务器出错（500）/, ['retry']],
    ['locked', new ApiRequestError(423, body('period_locked'), new Headers()), /中文 period_locked/, []],
    ['cell edit', new ExcelError('cell_editing'), /按 Enter 或 Esc/, ['retry']],
    ['stale sheet', new ExcelError('sheet_stale'), /重新获取模板/, ['get_template']],
    ['other return', new ExcelError('sheet_other_return', { park: 'jinshan', period: '2024' }), /jinshan 2024/, []],
    ['a bug', new TypeError('x is undefined'), /意外错误/, ['retry']],
  ] as const)('%s', (_name, error, text, actions) => {
    const m = toUserMessage(error, 'zh', zh);
    expect(m.text).toMatch(text);
    expect(m.actions).toEqual(actions);
    expect(m.text).not.toMatch(/undefined|Error:|at /);
  });

  it('speaks English when the UI does', () => {
    expect(toUserMessage(new ApiRequestError(423, body('period_locked'), new Headers()), 'en', en).text).toBe('English period_locked');
  });

  it('passes on the issues of a refused submission', () => {
    const issue = { code: 'value_missing', severity: 'error' as const, path: 'figures.a', params: {}, message: { zh: '缺', en: 'missing' } };
    const refused = new ApiRequestError(422, { error: { ...body('return_not_acceptable').error, issues: [issue] } }, new Headers());
    expect(toUserMessage(refused, 'zh', zh).issues).toEqual([issue]);
  });
});
