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
  it('names a unit in English in an English message, as the figures beside it do', () => {
    const change = {
      field: '当年PCT专利申请量',
      fieldEn: 'PCT applications',
      value: 142,
      previous: 86,
      unit: '件',
      change: '+65.1%',
      band: '±50%',
      reference: '上期',
      referenceEn: "last period's",
    };
    expect(formatMessage('change_beyond_band', change, 'en')).toBe(
      '"PCT applications" 142 pieces changed +65.1% from last period\'s 86 pieces, beyond ±50%: explain why.',
    );
    expect(formatMessage('change_beyond_band', change, 'zh')).toContain('142件');
    // What the user typed stays as typed; the field's unit is named.
    expect(formatMessage('figure_unit_mismatch', { raw: '500家', typedUnit: '家', unit: '万元' }, 'en')).toBe(
      "'500家': '家' measures something other than this field's unit 10k yuan, so it cannot be converted.",
    );
    expect(formatMessage('figure_percent_looks_like_fraction', { raw: '0.5', value: 0.5, percent: 50, unit: '%' }, 'en')).toContain('0.5%');
  });
  // A statistician reads 41,472,000万元 at a glance, 41472000万元 digit by digit (docs/domain.md, "Workbooks").
  it('groups the thousands of a figure it quotes, in both languages, and leaves years and sizes alone', () => {
    const change = {
      field: '营业收入',
      fieldEn: 'Operating revenue',
      value: 41472000,
      previous: 1682.84,
      unit: '万元',
      change: '+2,464,300%',
      band: '±50%',
      reference: '上期',
      referenceEn: "last period's",
    };
    expect(formatMessage('change_beyond_band', change, 'zh')).toContain('本期 41,472,000万元 较上期 1,682.84万元');
    expect(formatMessage('change_beyond_band', change, 'en')).toContain('41,472,000 10k yuan');
    expect(formatMessage('change_beyond_band', { ...change, value: 0.5, previous: -1234.5 }, 'zh')).toContain('本期 0.5万元 较上期 -1,234.5万元');
    expect(formatMessage('period_year_out_of_range', { raw: '20255', min: 2000, max: 2100 }, 'zh')).toContain('应在2000至2100年之间');
  });
  it('refuses an unknown code: that is misuse, not user input', () => {
    expect(() => formatMessage('no_such_code', {}, 'zh')).toThrow(/no_such_code/);
  });
});

// docs/domain.md, "Workbooks": Chinese text takes Chinese punctuation (，；：（）), in workbooks
// and in every message the pane or the API shows alike. An identifier inside a Chinese sentence
// (If-Match, Microsoft Entra ID) keeps its own spelling; the punctuation around it is Chinese.
describe('the Chinese messages', () => {
  it('use Chinese punctuation in Chinese text, in every table', () => {
    const ascii = /[\u3400-\u9fff“”」][,;:()]|[,;:(][\u3400-\u9fff“”「]|[\u3400-\u9fff]\)|\([^)]*[\u3400-\u9fff][^)]*\)/;
    expect(Object.entries(MESSAGE_TABLES.zh).filter(([, text]) => ascii.test(text))).toEqual([]);
  });
});
