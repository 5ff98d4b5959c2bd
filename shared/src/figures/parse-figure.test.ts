import { describe, expect, it } from 'vitest';
import { parseFigure, type FigureExpectation } from './parse-figure.js';

// Fields as the catalogue declares them.
const ENTERPRISES: FigureExpectation = { unit: '家', valueType: 'integer', min: 0 };
const PATENTS: FigureExpectation = { unit: '件', valueType: 'integer', min: 0 };
const PEOPLE: FigureExpectation = { unit: '人', valueType: 'integer', min: 0 };
const WAN_PEOPLE: FigureExpectation = { unit: '万人', valueType: 'decimal', min: 0 };
const WAN_YUAN: FigureExpectation = { unit: '万元', valueType: 'decimal', min: 0 };
const YI_YUAN: FigureExpectation = { unit: '亿元', valueType: 'decimal', min: 0 };
const CHANGE: FigureExpectation = { unit: '万元', valueType: 'decimal' }; // may be negative
const SHARE: FigureExpectation = { unit: '%', valueType: 'decimal', min: 0, max: 100 };
const GROWTH: FigureExpectation = { unit: '%', valueType: 'decimal' };
const AREA: FigureExpectation = { unit: '万平方米', valueType: 'decimal', min: 0 };
const PER_CAPITA: FigureExpectation = { unit: '万元/人', valueType: 'decimal', min: 0 };

/** Expected outcome: a value, blank, none, or the error codes (in order). */
type Want = number | 'blank' | 'none' | { value: number; warn: string } | string[];

const ROWS: [raw: unknown, field: FigureExpectation, want: Want][] = [
  // JS numbers, as Excel number cells and JSON give them
  [123, ENTERPRISES, 123],
  [0, ENTERPRISES, 0],
  [-0, CHANGE, 0],
  [0.1 + 0.2, WAN_YUAN, 0.3],
  [3 * 1.1, WAN_YUAN, 3.3],
  [1234567.89, WAN_YUAN, 1234567.89],
  [1e5, PEOPLE, 100000],
  [-12.5, CHANGE, -12.5],
  [Number.NaN, WAN_YUAN, ['figure_not_finite']],
  [Number.POSITIVE_INFINITY, WAN_YUAN, ['figure_not_finite']],
  [Number.NEGATIVE_INFINITY, CHANGE, ['figure_not_finite']],
  [1e308, WAN_YUAN, ['figure_too_large']],
  ['1200000000000000', WAN_YUAN, ['figure_too_large']],
  [12.5, ENTERPRISES, ['figure_not_integer']],
  [-5, ENTERPRISES, ['figure_negative']],
  [10n, ENTERPRISES, 10],
  // plain text, spaces of every kind, full-width forms
  ['123', ENTERPRISES, 123],
  ['  123  ', ENTERPRISES, 123],
  ['\u3000123\u3000', ENTERPRISES, 123],
  ['\u00a0123\u00a0', ENTERPRISES, 123],
  ['\t123\n', ENTERPRISES, 123],
  ['\u200b123', ENTERPRISES, 123],
  ['１２３', ENTERPRISES, 123],
  ['１２３．５', WAN_YUAN, 123.5],
  ['１，２３４', PEOPLE, 1234],
  ['007', ENTERPRISES, 7],
  ['0', ENTERPRISES, 0],
  ['0.00', WAN_YUAN, 0],
  ['.5', WAN_YUAN, 0.5],
  ['5.', WAN_YUAN, 5],
  // thousands separators: groups of three only
  ['1,234,567.8', WAN_YUAN, 1234567.8],
  ['1，234，567．8', WAN_YUAN, 1234567.8],
  ['12,345', PEOPLE, 12345],
  ['1,23', WAN_YUAN, ['figure_ambiguous_separator']],
  ['1,2345', WAN_YUAN, ['figure_ambiguous_separator']],
  ['12,34,567', WAN_YUAN, ['figure_ambiguous_separator']],
  ['1,234.5,6', WAN_YUAN, ['figure_ambiguous_separator']],
  ['1.234.567', WAN_YUAN, ['figure_ambiguous_separator']],
  ['1 000', WAN_YUAN, ['figure_ambiguous_separator']],
  ['12。5', WAN_YUAN, ['figure_ambiguous_separator']],
  ['1..5', WAN_YUAN, ['figure_ambiguous_separator']],
  ['100,', WAN_YUAN, ['figure_ambiguous_separator']],
  // signs
  ['+12', ENTERPRISES, 12],
  ['＋５', ENTERPRISES, 5],
  ['\u221212', CHANGE, -12],
  ['－12', CHANGE, -12],
  ['-12', CHANGE, -12],
  ['-12', WAN_YUAN, ['figure_negative']],
  ['-12.5家', ENTERPRISES, ['figure_not_integer', 'figure_negative']],
  // scientific notation
  ['1e5', PEOPLE, 100000],
  ['1.5E3', WAN_YUAN, 1500],
  ['１ｅ５', PEOPLE, 100000],
  ['2.5e-3', WAN_YUAN, 0.0025],
  ['1e400', WAN_YUAN, ['figure_not_finite']],
  // what Excel and WPS hand over from text cells (review of the real catalogue's edge cases)
  ['1.2e3 ', WAN_YUAN, 1200],
  ['1.2E+3\u00a0', WAN_YUAN, 1200],
  ['-0', WAN_YUAN, 0],
  ['－0.0', WAN_YUAN, 0],
  ['12,345,678,901.23', WAN_YUAN, 12345678901.23], // 1.2万亿元 in 万元: 15 digits survive
  [12345678901.23, WAN_YUAN, 12345678901.23],
  ['１，２３４，５６７．８９　', WAN_YUAN, 1234567.89],
  ['3000亿元', WAN_YUAN, 30_000_000],
  ['3.4万人 ', PEOPLE, 34000],
  [0.068, SHARE, { value: 0.068, warn: 'figure_percent_looks_like_fraction' }], // a %-formatted cell's 6.8%
  // percent fields
  ['12%', SHARE, 12],
  ['12％', SHARE, 12],
  ['12.5 %', SHARE, 12.5],
  ['12', SHARE, 12],
  ['0.12%', SHARE, 0.12],
  ['0', SHARE, 0],
  ['0.12', SHARE, { value: 0.12, warn: 'figure_percent_looks_like_fraction' }],
  [0.12, SHARE, { value: 0.12, warn: 'figure_percent_looks_like_fraction' }],
  ['1', SHARE, { value: 1, warn: 'figure_percent_looks_like_fraction' }],
  ['120%', SHARE, ['figure_above_max']],
  ['-3.5%', GROWTH, -3.5],
  ['-3.5%', SHARE, ['figure_negative']],
  ['12%', WAN_YUAN, ['figure_unit_mismatch']],
  ['5万%', SHARE, ['figure_magnitude_not_allowed']],
  ['3万', SHARE, ['figure_magnitude_not_allowed']],
  // a unit suffix: the field's own, or one of the same dimension, converted
  ['500家', ENTERPRISES, 500],
  ['500 家', ENTERPRISES, 500],
  ['５００家', ENTERPRISES, 500],
  ['21件', PATENTS, 21],
  ['3.4万', PEOPLE, 34000],
  ['3.4万人', PEOPLE, 34000],
  ['1.5万人', PEOPLE, 15000],
  ['3.4万人', WAN_PEOPLE, 3.4],
  ['3.4万', WAN_PEOPLE, 3.4],
  ['34000人', WAN_PEOPLE, 3.4],
  ['1.2亿', WAN_YUAN, 12000],
  ['1.2亿元', WAN_YUAN, 12000],
  ['180亿元', WAN_YUAN, 1800000],
  ['500万元', YI_YUAN, 0.05],
  ['500万', YI_YUAN, 0.05],
  ['500万', WAN_YUAN, 500],
  ['350亿元', YI_YUAN, 350],
  ['5000元', WAN_YUAN, 0.5],
  ['5千元', WAN_YUAN, 0.5],
  ['3千万元', WAN_YUAN, 3000],
  ['1.2万家', ENTERPRISES, 12000],
  ['200万平方米', AREA, 200],
  ['200万平米', AREA, 200],
  ['5000㎡', AREA, 0.5],
  ['25万元/人', PER_CAPITA, 25],
  ['1.23456万人', PEOPLE, ['figure_not_integer']],
  ['12.5家', ENTERPRISES, ['figure_not_integer']],
  ['0.5家', ENTERPRISES, ['figure_not_integer']],
  ['5件', ENTERPRISES, ['figure_unit_mismatch']],
  ['5个', ENTERPRISES, ['figure_unit_mismatch']],
  ['5万元', ENTERPRISES, ['figure_unit_mismatch']],
  ['3.4万件', PEOPLE, ['figure_unit_mismatch']],
  ['3万', PER_CAPITA, ['figure_magnitude_not_allowed']],
  ['1.2万亿元', WAN_YUAN, ['figure_magnitude_not_allowed']],
  ['500家企业', ENTERPRISES, ['figure_unknown_unit']],
  ['100abc', ENTERPRISES, ['figure_unknown_unit']],
  ['5kg', WAN_YUAN, ['figure_unknown_unit']],
  // blank is not zero
  ['', ENTERPRISES, 'blank'],
  ['   ', ENTERPRISES, 'blank'],
  ['\u3000', ENTERPRISES, 'blank'],
  [null, ENTERPRISES, 'blank'],
  [undefined, ENTERPRISES, 'blank'],
  // an explicit "nothing to report" is not zero either
  ['—', WAN_YUAN, 'none'],
  ['——', WAN_YUAN, 'none'],
  ['-', WAN_YUAN, 'none'],
  ['－', WAN_YUAN, 'none'],
  [' 无 ', WAN_YUAN, 'none'],
  ['/', WAN_YUAN, 'none'],
  ['／', WAN_YUAN, 'none'],
  ['N/A', WAN_YUAN, 'none'],
  ['n/a', WAN_YUAN, 'none'],
  ['不适用', WAN_YUAN, 'none'],
  // text is refused, never guessed
  ['约100', ENTERPRISES, ['figure_approximate']],
  ['100左右', ENTERPRISES, ['figure_approximate']],
  ['100多家', ENTERPRISES, ['figure_approximate']],
  ['100余家', ENTERPRISES, ['figure_approximate']],
  ['100家以上', ENTERPRISES, ['figure_approximate']],
  ['近100', ENTERPRISES, ['figure_approximate']],
  ['~100', ENTERPRISES, ['figure_approximate']],
  ['待定', ENTERPRISES, ['figure_not_a_number']],
  ['abc', ENTERPRISES, ['figure_not_a_number']],
  ['一百', ENTERPRISES, ['figure_not_a_number']],
  ['①', ENTERPRISES, ['figure_not_a_number']],
  ['¥100', WAN_YUAN, ['figure_not_a_number']],
  ['(100)', WAN_YUAN, ['figure_not_a_number']],
  ['#N/A', WAN_YUAN, ['figure_not_a_number']],
  ['#DIV/0!', WAN_YUAN, ['figure_not_a_number']],
  ['100-200', ENTERPRISES, ['figure_multiple_numbers']],
  ['100~200', ENTERPRISES, ['figure_multiple_numbers']],
  ['100至200', ENTERPRISES, ['figure_multiple_numbers']],
  ['3万5千', PEOPLE, ['figure_multiple_numbers']],
  [true, ENTERPRISES, ['figure_not_a_number']],
  [{}, ENTERPRISES, ['figure_not_a_number']],
  [new Date(2025, 0, 1), ENTERPRISES, ['figure_not_a_number']],
  // bounds of the field
  ['5', { unit: '家', valueType: 'integer', min: 10 }, ['figure_below_min']],
  ['150', { unit: '家', valueType: 'integer', max: 100 }, ['figure_above_max']],
  ['100', { unit: '家', valueType: 'integer', min: 0, max: 100 }, 100],
  ['5', { unit: 'kg', valueType: 'decimal' }, ['figure_field_unit_unknown']],
];

const show = (raw: unknown) => (typeof raw === 'string' ? JSON.stringify(raw) : String(raw));

describe('parseFigure: real-world cells', () => {
  it.each(ROWS.map(([raw, field, want]) => ({ raw, field, want, name: `${show(raw)} in ${field.unit}` })))('$name', ({ raw, field, want }) => {
    const result = parseFigure(raw, field, 'figures.x');
    if (Array.isArray(want)) {
      expect(result.ok).toBe(false);
      expect(result.value).toBeNull();
      expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(want);
    } else if (want === 'blank' || want === 'none') {
      expect(result).toMatchObject({ ok: true, kind: want, value: null, explicitNone: want === 'none' });
    } else if (typeof want === 'number') {
      expect(result).toMatchObject({ ok: true, kind: 'value', value: want, unit: field.unit, issues: [] });
    } else {
      expect(result).toMatchObject({ ok: true, kind: 'value', value: want.value });
      expect(result.issues.map((i) => [i.code, i.severity])).toEqual([[want.warn, 'warning']]);
    }
  });

  it('has at least 60 cases', () => expect(ROWS.length).toBeGreaterThanOrEqual(60));
});

describe('parseFigure: results a statistician can read', () => {
  it('says what was typed and the expected unit, in both languages', () => {
    const result = parseFigure('约100', ENTERPRISES, 'figures.incubators');
    expect(result.ok).toBe(false);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      code: 'figure_approximate',
      severity: 'error',
      path: 'figures.incubators',
      params: { raw: '约100', unit: '家' },
    });
    expect(issue?.message.zh).toContain('「约100」');
    expect(issue?.message.en).toContain("'约100'");
  });

  it('names the unit that does not fit', () => {
    const [issue] = parseFigure('5件', ENTERPRISES, 'p').issues;
    expect(issue?.params).toMatchObject({ raw: '5件', unit: '家', typedUnit: '件' });
    expect(issue?.message.zh).toContain('件');
  });

  it('shows the converted figure when it fails a check', () => {
    const [issue] = parseFigure('1.23456万人', PEOPLE, 'p').issues;
    expect(issue?.params).toMatchObject({ value: '12345.6' });
  });

  it('records a conversion so the UI can say how the text was read', () => {
    expect(parseFigure('1.2亿', WAN_YUAN, 'p')).toMatchObject({
      value: 12000,
      conversion: { typedValue: 1.2, typedSuffix: '亿' },
    });
    expect(parseFigure('500家', ENTERPRISES, 'p')).not.toHaveProperty('conversion');
  });

  it('suggests the percentage a fraction may have meant', () => {
    const [issue] = parseFigure(0.125, SHARE, 'p').issues;
    expect(issue?.params).toMatchObject({ value: '0.125', percent: '12.5' });
    expect(issue?.message.zh).toContain('12.5');
  });

  it('cuts a long raw text in messages', () => {
    const [issue] = parseFigure('x'.repeat(500), ENTERPRISES, 'p').issues;
    expect(String(issue?.params['raw'])).toHaveLength(41);
  });

  it('reports a field unit missing from the unit table instead of throwing', () => {
    expect(() => parseFigure('5', { unit: 'kg', valueType: 'decimal' }, 'p')).not.toThrow();
  });
});
