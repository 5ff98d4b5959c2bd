import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertValue } from './convert-value.js';
import { decimalString } from './decimal-string.js';
import { FIGURE_LIMIT, parseFigure, type FigureExpectation, type FigureResult } from './parse-figure.js';
import { roundFigure } from './round-figure.js';
import { UNITS } from './units.js';

const FREE: FigureExpectation = { unit: '万元', valueType: 'decimal' };
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Every figure a park can report: below FIGURE_LIMIT (10^15 of its unit). */
const figure = finite.filter((n) => Math.abs(n) < FIGURE_LIMIT);

/** What an input method produces: every ASCII character in its full-width form. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const grouped = (s: string) => s.replace(/^(-?)(\d+)/, (_, sign: string, whole: string) => sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const padding = fc.array(fc.constantFrom(' ', '\u3000', '\u00a0', '\t'), { maxLength: 3 }).map((a) => a.join(''));

const valueIn = (r: FigureResult) => (r.kind === 'value' ? r.value : undefined);

describe('parseFigure properties', () => {
  it('reads any finite JS number below 10^15 as itself, float noise rounded', () => {
    fc.assert(fc.property(figure, (n) => valueIn(parseFigure(n, FREE, 'p')) === roundFigure(n)));
  });

  it('refuses any figure of 10^15 or more of its unit as a typing accident', () => {
    fc.assert(
      fc.property(
        finite.filter((n) => Math.abs(n) >= FIGURE_LIMIT),
        (n) => parseFigure(n, FREE, 'p').issues[0]?.code === 'figure_too_large',
      ),
    );
  });

  it('reads String(n), its full-width form and its thousands-separated form as the same number', () => {
    fc.assert(
      fc.property(figure, padding, padding, (n, before, after) => {
        const want = roundFigure(n);
        for (const text of [String(n), fullWidth(String(n)), grouped(decimalString(n)), fullWidth(grouped(decimalString(n)))]) {
          expect(valueIn(parseFigure(before + text + after, FREE, 'p')), text).toBe(want);
        }
      }),
    );
  });

  it('never throws and never returns NaN or Infinity, whatever it is given', () => {
    const numberish = fc.string({
      unit: fc.constantFrom(...'0123456789０１２３.,，．eE+-−－ %％万亿千家人元件无—/约 \u3000'.split('')),
      maxLength: 12,
    });
    const anyInput = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), numberish, fc.anything(), fc.double());
    const field = fc
      .constantFrom(...UNITS)
      .chain((u) =>
        fc.record({ unit: fc.constant(u.code), valueType: fc.constantFrom('integer' as const, 'decimal' as const), min: fc.constantFrom(0, undefined) }),
      );
    fc.assert(
      fc.property(anyInput, field, (raw, expected) => {
        const r = parseFigure(raw, expected, 'p');
        if (r.kind === 'value') {
          expect(Number.isFinite(r.value)).toBe(true);
          if (expected.valueType === 'integer') expect(Number.isInteger(r.value)).toBe(true);
          if (expected.min === 0) expect(r.value).toBeGreaterThanOrEqual(0);
        } else {
          expect(r.value).toBeNull();
        }
        expect(r.ok).toBe(!r.issues.some((i) => i.severity === 'error'));
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a unit suffix of the same dimension as the converted bare value', () => {
    const pair = fc
      .constantFrom(...UNITS)
      .chain((field) => fc.constantFrom(...UNITS.filter((u) => u.dimension === field.dimension)).map((typed) => ({ field, typed })));
    const amount = fc.double({ min: -1e10, max: 1e10, noNaN: true });
    fc.assert(
      fc.property(amount, pair, (n, { field, typed }) => {
        const text = decimalString(n) + typed.code;
        // The text denotes n to 15 significant digits; convert that same number.
        const converted = convertValue(Number(decimalString(n)), typed.code, field.code);
        const parsed = parseFigure(text, { unit: field.code, valueType: 'decimal' }, 'p');
        // 10^7 亿元 written into a 元 field is 10^15 元: past the limit, refused as an accident.
        if (converted.ok && Math.abs(converted.value) >= FIGURE_LIMIT) expect(parsed.issues[0]?.code).toBe('figure_too_large');
        else expect(converted.ok && valueIn(parsed)).toBe(converted.ok && converted.value);
      }),
    );
  });

  it('reads a bare magnitude (万, 亿) in the dimension’s bare unit: 3.4万 人 = 3.4万人', () => {
    const cases = fc.constantFrom(
      { field: '人', magnitude: '万', same: '万人' },
      { field: '万人', magnitude: '万', same: '万人' },
      { field: '万元', magnitude: '万', same: '万元' },
      { field: '万元', magnitude: '亿', same: '亿元' },
      { field: '亿元', magnitude: '万', same: '万元' },
      { field: '平方米', magnitude: '万', same: '万平方米' },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), cases, (n, c) => {
        const expected: FigureExpectation = { unit: c.field, valueType: 'decimal' };
        const s = decimalString(n);
        expect(valueIn(parseFigure(s + c.magnitude, expected, 'p'))).toBe(valueIn(parseFigure(s + c.same, expected, 'p')));
      }),
    );
  });

  it('refuses a unit suffix of another dimension', () => {
    const pair = fc
      .constantFrom(...UNITS)
      .chain((field) => fc.constantFrom(...UNITS.filter((u) => u.dimension !== field.dimension)).map((typed) => ({ field, typed })));
    fc.assert(
      fc.property(fc.nat(), pair, (n, { field, typed }) => {
        const r = parseFigure(`${n}${typed.code}`, { unit: field.code, valueType: 'decimal' }, 'p');
        expect(r.issues.map((i) => i.code)).toEqual(['figure_unit_mismatch']);
      }),
    );
  });
});
