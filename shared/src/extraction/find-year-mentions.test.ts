import { describe, expect, it } from 'vitest';
import { findRelativeYears, findYearMentions } from './find-year-mentions.js';

const kinds = (text: string) => findYearMentions(text).map((m) => [m.year, m.kind]);

describe('findYearMentions', () => {
  it.each([
    ['到2026年，', [[2026, 'target']]],
    ['至2026年', [[2026, 'target']]],
    ['力争到2027年底', [[2027, 'target']]],
    ['2026年前建成', [[2026, 'target']]],
    ['2026年底前', [[2026, 'target']]],
    ['2026年6月底前完成', [[2026, 'target']]],
    ['截至2024年底', [[2024, 'baseline']]],
    ['截止到2024年', [[2024, 'baseline']]],
    ['2021年以来', [[2021, 'baseline']]],
    ['比2023年增长', [[2023, 'reference']]],
    ['较2020年翻一番', [[2020, 'reference']]],
    ['与2023年相比', [[2023, 'reference']]],
    ['在2023年基础上', [[2023, 'reference']]],
    ['2023年，园区', [[2023, 'bare']]],
    ['(2025-2026年)', []],
    ['2025—2027年', []],
    ['1900年', []],
    ['到“十四五”末，', [[2025, 'target']]],
    ['“十四五”期末', [[2025, 'bare']]],
    ['较“十三五”末增长40%', [[2020, 'reference']]],
    ['力争实现“十五五”末', [[2030, 'bare']]],
    ['“十四五”期间', []],
    ['至民国115年', [[2026, 'target']]],
    ['民国113年营业额', [[2024, 'bare']]],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('gives positions in the whole text when asked for a span', () => {
    const text = '一、目标。到2026年，达到。';
    const [m] = findYearMentions(text, 5, text.length);
    expect(text.slice(m!.start, m!.end)).toBe('2026年');
  });
});

describe('findRelativeYears', () => {
  it('reads 今年, 明年 and 去年 against the year the text was written, and nothing without it', () => {
    const text = '去年营收1200亿元，今年力争1300亿元，明年1400亿元，较上年增长8%。';
    expect(findRelativeYears(text, 2025).map((m) => [text.slice(m.start, m.end), m.year, m.kind])).toEqual([
      ['去年', 2024, 'baseline'],
      ['今年', 2025, 'bare'],
      ['明年', 2026, 'bare'],
    ]);
    expect(findRelativeYears(text, null)).toEqual([]);
  });
});
