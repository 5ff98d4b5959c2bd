import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';
import { readGoalTables } from './read-goal-tables.js';

const YEARS = { targetYear: 2026, startYear: 2025, issueYear: 2025, firstFutureYear: 2025 };
const brief = (text: string) => extractTargets(text).map((c) => [c.indicator, c.value, c.valueHigh ?? null, c.unit, c.comparison, c.year]);

describe('goal tables (主要指标表)', () => {
  it('reads a "|" table: future-year and 目标 columns are targets, 基数 columns are not', () => {
    const text = [
      '到2026年，园区营收达到1000亿元。',
      '| 序号 | 指标名称 | 单位 | 2024年基数 | 2025年 | 2026年目标 | 属性 |',
      '|---|---|---|---|---|---|---|',
      '| 1 | 规上工业总产值 | 亿元 | 980 | 1100 | 1200 | 预期性 |',
      '| 2 | 高新技术企业数（家） |  | 850 | 900 | ≥1000 | 预期性 |',
      '| 3 | 高质量孵化器 | 家 | 0 | 1 | 1-2 | 预期性 |',
    ].join('\n');
    expect(brief(text)).toEqual([
      ['营收', 1000, null, '亿元', 'gte', 2026],
      ['规上工业总产值', 1100, null, '亿元', 'gte', 2025],
      ['规上工业总产值', 1200, null, '亿元', 'gte', 2026],
      ['高新技术企业数', 900, null, '家', 'gte', 2025],
      ['高新技术企业数', 1000, null, '家', 'gte', 2026],
      ['高质量孵化器', 1, null, '家', 'gte', 2025],
      ['高质量孵化器', 1, 2, '家', 'range', 2026],
    ]);
  });

  it.each([
    ['spaces', '序号 指标名称 单位 2024年基数 2026年目标\n1 规上工业总产值 亿元 980 1200\n2 高新技术企业数 家 850 >1000'],
    ['tabs', '序号\t指标名称\t单位\t2024年基数\t2026年目标\n1\t规上工业总产值\t亿元\t980\t1200\n2\t高新技术企业数\t家\t850\t>1000'],
  ])('reads a table flattened with %s, quoting each row verbatim', (_, table) => {
    const text = `到2026年，园区营收达到1000亿元。\n${table}\n三、保障措施`;
    const found = extractTargets(text);
    expect(found.map((c) => [c.indicator, c.value, c.comparison, c.year])).toEqual([
      ['营收', 1000, 'gte', 2026],
      ['规上工业总产值', 1200, 'gte', 2026],
      ['高新技术企业数', 1000, 'gt', 2026],
    ]);
    for (const c of found) expect(text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
  });

  it('leaves prose alone, OCR spaces and web-page rows included', () => {
    const prose = [
      '到 2026 年,园区生物医药产业项目签约投资额 50 亿元以上,新增 21 个药品注册批件。',
      '索引号 | SY-310115-2025-01880 |',
      '咨询人 | 意见与建议 | 回复内容 | 提交时间 |',
    ].join('\n');
    expect(readGoalTables(prose, YEARS)).toEqual({ targets: [], baselines: [] });
  });
});

describe('goal tables: target and actual columns, signs and growth columns (issue 15)', () => {
  it('reads a task table with units in the cells, past columns as baselines', () => {
    const text =
      '2025年重点工作任务分解表\n序号\t工作任务\t2024年完成\t2025年目标值\t责任单位\n1\t新增规上工业企业\t46家\t50家\t经发局\n2\t单位GDP能耗下降\t3.2%\t3%\t发改局';
    expect(extractTargets(text).map((c) => [c.indicator, c.value, c.unit, c.kind, c.year, c.written, c.baseline?.value, c.baseline?.year])).toEqual([
      ['新增规上工业企业', 50, '家', 'count', 2025, '50家', 46, 2024],
      ['单位GDP能耗下降', 3, '%', 'growth', 2025, '3%', 3.2, 2024],
    ]);
  });

  it('reads ≤ as a ceiling and a 年均增长（%） column as growth targets', () => {
    const text = '指标名称\t单位\t2020年实际\t2025年目标\t年均增长（%）\n地区生产总值\t亿元\t820\t1200\t7.9\n单位工业增加值能耗\t吨标准煤/万元\t0.21\t≤0.19\t—';
    expect(extractTargets(text).map((c) => [c.indicator, c.value, c.unit, c.comparison, c.kind])).toEqual([
      ['地区生产总值', 1200, '亿元', 'gte', 'amount'],
      ['地区生产总值', 7.9, '%', 'gte', 'growth'],
      ['单位工业增加值能耗', 0.19, '吨标准煤/万元', 'lte', 'ceiling'],
    ]);
  });
});
