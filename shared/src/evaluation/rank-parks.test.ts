import { describe, expect, it } from 'vitest';
import { ret } from '../consolidation/__fixtures__/make-return.js';
import { EVALUATION_CATALOGUE as CAT } from './__fixtures__/evaluation-catalogue.js';
import { rankParks } from './rank-parks.js';

const history = [
  ret('jinshan', { rd_expenditure: 60, operating_revenue: 1000, incubators_hq: 2, pct_applications: 40 }, 1),
  ret('minhang', { rd_expenditure: 68, operating_revenue: 1000, incubators_hq: 2 }, 2),
  ret('fengxian', { rd_expenditure: 30, operating_revenue: 1000, incubators_hq: 0 }, 1),
  ret('jinqiao', { rd_share: 5.5, incubators_hq: 1 }, 1),
  ret('jinqiao', { incubators_hq: 9 }, 1, '2024'),
];

const ranking = (code: string, options = {}) => rankParks(CAT, 2025, history, options).rankings.find((r) => r.indicator === code)!;
const table = (code: string, options = {}) => ranking(code, options).entries.map((e) => [e.park, e.value, e.rank]);

describe('rankParks (cross-park comparison of the common indicators)', () => {
  it('ranks every common indicator, and only those', () => {
    expect(rankParks(CAT, 2025, history).rankings.map((r) => r.indicator)).toEqual(CAT.indicators.filter((i) => i.common).map((i) => i.code));
  });

  it('ranks a ratio computed from components (or typed), best first, non-reporting parks last', () => {
    // 6.8% (68/1000), 6% (60/1000), 5.5% (typed), 3% (30/1000); 青浦园 has no return
    const rows = table('rd_share');
    expect(rows.map(([p, , r]) => [p, r])).toEqual([
      ['minhang', 1],
      ['jinshan', 2],
      ['jinqiao', 3],
      ['fengxian', 4],
      ['qingpu', null],
    ]);
    expect(rows[0]![1]).toBeCloseTo(6.8, 12);
    expect(ranking('rd_share').entries[0]).toMatchObject({ numerator: 68, denominator: 1000, source: 'components' });
  });

  it('gives ties the same rank and skips the next (1, 1, 3)', () => {
    expect(table('incubators_hq')).toEqual([
      ['jinshan', 2, 1],
      ['minhang', 2, 1],
      ['jinqiao', 1, 3],
      ['fengxian', 0, 4],
      ['qingpu', null, null],
    ]);
  });

  it('ranks lower-is-better where told so', () => {
    expect(table('incubators_hq', { direction: { incubators_hq: 'lower' } }).map(([p, , r]) => [p, r])).toEqual([
      ['fengxian', 1],
      ['jinqiao', 2],
      ['jinshan', 3],
      ['minhang', 3],
      ['qingpu', null],
    ]);
  });

  it('puts a park that left the figure blank last, and names the returns read', () => {
    expect(table('pct_applications').map(([p, , r]) => [p, r])).toEqual([
      ['jinshan', 1],
      ['minhang', null],
      ['fengxian', null],
      ['jinqiao', null],
      ['qingpu', null],
    ]);
    expect(rankParks(CAT, 2025, history).sources).toEqual([
      { park: 'jinshan', version: 1 },
      { park: 'minhang', version: 2 },
      { park: 'fengxian', version: 1 },
      { park: 'jinqiao', version: 1 },
    ]);
  });
});
