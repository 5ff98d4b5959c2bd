import { describe, expect, it } from 'vitest';
import { assertSameIndicator, sumFigures } from './derived-values.js';

describe('figures of different definitions are never combined', () => {
  it('sums figures of one indicator', () => {
    expect(
      sumFigures('hightech_valid', [
        { unit: 'minhang', indicator: 'hightech_valid', value: 1550 },
        { unit: 'jinqiao', indicator: 'hightech_valid', value: 300 },
      ]),
    ).toBe(1850);
  });

  it('throws on a figure of another definition (高新技术企业数量(累计) is not 有效期内高新技术企业)', () => {
    const mixed = [
      { unit: 'minhang', indicator: 'hightech_valid', value: 1550 },
      { unit: 'jinshan', indicator: 'hightech_cumulative', value: 500 },
    ];
    expect(() => sumFigures('hightech_valid', mixed)).toThrow(/hightech_cumulative.*different definitions/);
    expect(() => assertSameIndicator('hightech_valid', mixed)).toThrow();
  });
});
