import { describe, expect, it } from 'vitest';
import type { Target } from '../catalogue/catalogue-schema.js';
import { computePrecision } from './compute-precision.js';
import { extractTargets } from './extract-targets.js';

const text = '到2026年，三大先导产业人才达到3.4万人，基金规模350亿元。任务：形成350亿元以上基金规模。';
const target = (id: string, value: number, unit: string, unitCode: string, quote: string): Target => ({
  id,
  park: 'p',
  indicator: 'x',
  value,
  unit,
  unitCode,
  comparison: 'gte',
  stretch: false,
  year: 2026,
  quote,
  restatements: [],
});

describe('computePrecision', () => {
  it('matches by value (in any unit of the dimension), year and overlapping quote', () => {
    const found = extractTargets(text);
    const report = computePrecision(text, found, [
      target('talent', 34000, '人', '人', '三大先导产业人才达到3.4万人'),
      target('fund.task', 350, '亿元', '亿元', '形成350亿元以上基金规模'),
    ]);
    expect(report.found.map((f) => [f.target.id, f.candidate.quote])).toEqual([
      ['talent', '三大先导产业人才达到3.4万人'],
      ['fund.task', '形成350亿元以上基金规模'],
    ]);
    expect(report.extra.map((c) => c.quote)).toEqual(['基金规模350亿元']);
    expect(report).toMatchObject({ catalogued: 2, proposed: 3, precision: 2 / 3, recall: 1, missed: [] });
  });

  it('counts a proposal of a restated target (a second quote of it) as catalogued, not extra', () => {
    const found = extractTargets(text);
    const fund = {
      ...target('fund', 350, '亿元', '亿元', '基金规模350亿元'),
      restatements: [{ quote: '形成350亿元以上基金规模', note: { zh: '重述', en: 'restates' } }],
    };
    const report = computePrecision(text, found, [target('talent', 34000, '人', '人', '三大先导产业人才达到3.4万人'), fund]);
    expect(report.restated.map((c) => c.quote)).toEqual(['形成350亿元以上基金规模']);
    expect(report).toMatchObject({ catalogued: 2, proposed: 3, precision: 1, recall: 1, missed: [], extra: [] });
  });

  it('reports a miss, and no ratio where there is nothing to divide by', () => {
    expect(computePrecision('', [], [target('t', 1, '家', '家', '1家')])).toMatchObject({ precision: null, recall: 0 });
    expect(computePrecision('', [], [])).toMatchObject({ precision: null, recall: null });
  });
});
