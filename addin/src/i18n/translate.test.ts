import { describe, expect, it } from 'vitest';
import { EN } from './messages-en.js';
import { ZH } from './messages-zh.js';
import { pickLang, translator } from './translate.js';

describe('i18n', () => {
  it('has the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ZH) as Array<keyof typeof ZH>) expect(names(EN[key]), key).toEqual(names(ZH[key]));
  });
  it.each([
    [null, 'zh-CN', 'zh'],
    [null, 'zh-TW', 'zh'],
    [null, 'en-US', 'en'],
    [null, 'de-DE', 'en'],
    [null, null, 'zh'],
    ['zh', 'en-US', 'zh'],
    ['en', 'zh-CN', 'en'],
    ['fr', 'zh-CN', 'zh'],
  ] as const)('chosen %s with Office in %s → %s', (chosen, office, lang) => {
    expect(pickLang(chosen, office)).toBe(lang);
  });
  it('fills placeholders', () => {
    expect(translator('zh')('receipt_version', { version: 3 })).toBe('第 3 版');
    expect(translator('en')('receipt_version', { version: 3 })).toBe('Version 3');
  });
  it('says one warning, not “1 warnings”, and counts alike in every English message', () => {
    const en = translator('en');
    expect(en('history_counts', { errors: 0, warnings: 1 })).toBe('0 errors, 1 warning');
    expect(en('history_counts', { errors: 1, warnings: 2 })).toBe('1 error, 2 warnings');
    expect(en('validation_summary', { errors: 1, warnings: 1, unexplained: 1 })).toBe('1 error, 1 warning (1 not explained yet).');
    expect(en('left_unexplained', { n: 1 })).toBe('1 warning to explain');
    expect(en('left_unexplained', { n: 3 })).toBe('3 warnings to explain');
    expect(translator('zh')('history_counts', { errors: 0, warnings: 1 })).toBe('0 个错误，1 个提示');
  });
});
