import { describe, expect, it } from 'vitest';
import { MESSAGE_TABLES, formatMessage } from './messages.js';

describe('message tables', () => {
  it('have the same codes in Chinese and English', () => {
    expect(Object.keys(MESSAGE_TABLES.zh).sort()).toEqual(Object.keys(MESSAGE_TABLES.en).sort());
  });
  it('codes are stable snake_case', () => {
    for (const code of Object.keys(MESSAGE_TABLES.zh)) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
  });
  // A name a message shows in its own language comes twice in params: `field` (zh) and `fieldEn`.
  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+?)(?:En)?\}/g)].map((m) => m[1]))].sort();
    for (const code of Object.keys(MESSAGE_TABLES.zh)) {
      expect(names(MESSAGE_TABLES.en[code] ?? ''), code).toEqual(names(MESSAGE_TABLES.zh[code] ?? ''));
    }
  });
  it('refuses an unknown code: that is misuse, not user input', () => {
    expect(() => formatMessage('no_such_code', {}, 'zh')).toThrow(/no_such_code/);
  });
});
