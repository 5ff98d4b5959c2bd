import type { ApiErrorCode } from '@zj/shared/api';
import { describe, expect, it } from 'vitest';
import { SignInFailedError, SignInRequiredError } from '../auth/entra-auth.js';
import { ExcelError, type ExcelErrorCode } from '../excel/excel-error.js';
import { renderMessage } from '../i18n/translate.js';
import { periodLabel } from '../taskpane/period-options.js';
import { ApiRequestError, NetworkError } from './api-errors.js';
import { toUserMessage, type MessageContext } from './user-message.js';

const body = (code: ApiErrorCode) => ({ error: { code, message: { zh: `中文 ${code}`, en: `English ${code}` } } });
const names: MessageContext = { parkName: (code) => (code === 'jinshan' ? { zh: '金山园', en: 'Jinshan Park' } : { zh: code, en: code }), periodLabel };

describe('toUserMessage', () => {
  it.each([
    ['offline, at sign-in', new NetworkError('offline'), null, /^网络连接失败，未能联系服务器。请检查网络后点“重试”。$/, ['retry']],
    ['offline, with figures in the sheet', new NetworkError('offline'), 'sheet', /数据仍在工作表中/, ['retry']],
    ['offline, uploading a file', new NetworkError('offline'), 'file', /文件没有改动/, ['retry']],
    ['timeout', new NetworkError('timeout'), 'sheet', /没有响应/, ['retry']],
    ['401 (after the silent retry)', new ApiRequestError(401, body('invalid_token'), new Headers()), null, /^登录已失效，请重新登录。$/, ['sign_in']],
    [
      '401 with figures in the sheet',
      new ApiRequestError(401, body('invalid_token'), new Headers()),
      'sheet',
      /^登录已失效，请重新登录。\s*您填写的数据仍在工作表中，没有丢失。$/,
      ['sign_in'],
    ],
    ['no token without the user', new SignInRequiredError(), 'sheet', /^登录已失效，请重新登录。\s*您填写的数据仍在工作表中，没有丢失。$/, ['sign_in']],
    ['sign-in window closed', new SignInFailedError('cancelled'), null, /登录窗口已关闭/, ['sign_in']],
    ['sign-in window blocked', new SignInFailedError('popup_blocked'), null, /允许本页打开弹出窗口/, ['sign_in']],
    ['sign-in failed', new SignInFailedError('failed'), null, /请联系管理员/, ['sign_in']],
    ['403 no role (the API says whom to ask)', new ApiRequestError(403, body('no_app_role'), new Headers()), null, /^中文 no_app_role$/, []],
    ['stale', new ApiRequestError(409, body('stale_template'), new Headers()), null, /中文 stale_template/, ['get_template']],
    ['503', new ApiRequestError(503, body('storage_unavailable'), new Headers()), null, /中文 storage_unavailable/, ['retry']],
    ['500 without a body', new ApiRequestError(500, null, new Headers()), null, /服务器出错（500）/, ['retry']],
    ['locked', new ApiRequestError(423, body('period_locked'), new Headers()), null, /中文 period_locked/, []],
    ['a bug', new TypeError('x is undefined'), null, /意外错误/, ['retry']],
  ] as const)('%s', (_name, error, dataIn, text, actions) => {
    const m = toUserMessage(error, { ...names, dataIn });
    expect(renderMessage(m.message, 'zh')).toMatch(text);
    expect(m.actions).toEqual(actions);
    expect(renderMessage(m.message, 'zh')).not.toMatch(/undefined|Error:|at /);
  });

  it.each([
    ['cell_editing', /按 Enter 或 Esc/, ['retry']],
    ['request_too_large', /重试也不会成功/, []],
    ['invalid_argument', /重试也不会成功/, ['get_template']],
    ['item_not_found', /获取模板/, ['first_template']],
    ['no_template_sheet', /获取模板/, ['first_template']],
    ['workbook_protected', /保护工作簿/, ['retry']],
    ['sheet_protected', /撤销工作表保护/, ['retry']],
    ['workbook_read_only', /只读/, ['retry']],
    ['sheet_stale', /重新获取模板/, ['get_template']],
    ['api_unsupported', /更新 Office/, []],
  ] as Array<[ExcelErrorCode, RegExp, string[]]>)('Excel %s: says the cause and offers only what helps', (code, text, actions) => {
    const m = toUserMessage(new ExcelError(code), names);
    expect(renderMessage(m.message, 'zh')).toMatch(text);
    expect(m.actions).toEqual(actions);
    expect(renderMessage(m.message, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the park and the period, never their codes', () => {
    const m = toUserMessage(new ExcelError('sheet_other_return', { park: 'jinshan', period: '2024' }), names);
    expect(renderMessage(m.message, 'zh')).toContain('已有金山园2024年 年报的填报表');
    expect(renderMessage(m.message, 'en')).toContain('the return of Jinshan Park, 2024 annual');
    expect(renderMessage(m.message, 'zh')).not.toContain('jinshan');
  });

  it('is rendered again in the other language', () => {
    const m = toUserMessage(new ApiRequestError(423, body('period_locked'), new Headers()));
    expect(renderMessage(m.message, 'zh')).toBe('中文 period_locked');
    expect(renderMessage(m.message, 'en')).toBe('English period_locked');
  });

  it('passes on the issues of a refused submission', () => {
    const issue = { code: 'value_missing', severity: 'error' as const, path: 'figures.a', params: {}, message: { zh: '缺', en: 'missing' } };
    const refused = new ApiRequestError(422, { error: { ...body('return_not_acceptable').error, issues: [issue] } }, new Headers());
    expect(toUserMessage(refused).issues).toEqual([issue]);
  });
});
