import { describe, expect, it } from 'vitest';
import { confidenceOf, kindOf, reason } from './describe-proposal.js';
import type { ProposalComparison } from './target-proposal.js';

describe('kindOf', () => {
  it.each<[string, string, string | null, string, ProposalComparison]>([
    ['amount', '亿元', '亿元', '营业收入', 'gte'],
    ['amount', '亿美元', null, '实际使用外资', 'gte'],
    ['amount', '亿', '亿元', '三大先导产业总营收', 'gte'],
    ['count', '家', '家', '高新技术企业', 'gte'],
    ['count', '万人', '万人', '人才总量', 'gte'],
    ['count', '名', null, '每年引进高层次人才', 'gte'],
    ['level', '件', '件', '每万人高价值发明专利拥有量', 'gte'],
    ['level', '万标箱', null, '集装箱吞吐量', 'gte'],
    ['level', '人年', null, '研发人员', 'gte'],
    ['level', '万元/人', '万元/人', '劳动生产率', 'gte'],
    ['share', '%', '%', '研发投入强度', 'gte'],
    ['share', '%', '%', '覆盖率', 'gte'],
    ['growth', '%', '%', '营收年均增长', 'gte'],
    ['growth', '%', '%', '能耗较2022年下降', 'gte'],
    ['growth', '个百分点', null, '比重提高', 'gte'],
    ['growth', '倍', null, '营收较2020年', 'gte'],
    ['ceiling', '吨', null, '排放总量', 'lte'],
    ['ceiling', '%', '%', '失业率', 'lt'],
  ])('%s: %s of %s', (kind, unit, unitCode, indicator, comparison) => {
    expect(kindOf({ unit, unitCode, indicator, comparison })).toBe(kind);
  });

  it('reads a fall or a doubling as a growth whatever the unit says', () => {
    expect(kindOf({ unit: '%', unitCode: '%', indicator: '用水量', comparison: 'gte', decline: true })).toBe('growth');
    expect(kindOf({ unit: '%', unitCode: '%', indicator: '数据智能产业', comparison: 'gte', growth: true })).toBe('growth');
  });
});

describe('reasons and confidence', () => {
  it('says each reason in Chinese and English, with the words of the text', () => {
    expect(reason('title_year', '2025年工作要点')).toEqual({
      code: 'title_year',
      words: '2025年工作要点',
      zh: '标题写明年份：“2025年工作要点”',
      en: 'the title names the year: “2025年工作要点”',
    });
  });

  it('ranks a year aimed at above a heading, a title and the plan default; a target word and a goal section add', () => {
    const flags = { reading: false, approximate: false, indicator: '高新技术企业', unitKnown: true };
    const c = (...codes: Parameters<typeof reason>[0][]) =>
      confidenceOf(
        codes.map((code) => reason(code, '')),
        flags,
      );
    expect(c('target_year')).toBeGreaterThan(c('heading_year'));
    expect(c('heading_year')).toBeGreaterThan(c('title_year'));
    expect(c('title_year')).toBeGreaterThan(c('plan_year'));
    expect(c('plan_year', 'target_word')).toBeGreaterThan(c('plan_year'));
    expect(c('plan_year', 'goal_section', 'target_word')).toBeGreaterThan(c('plan_year', 'target_word'));
  });

  it('takes off for a figure read from words, an approximate one, a missing indicator or unit, and stays in 0-1', () => {
    const reasons = [reason('target_year', '到2026年'), reason('goal_section', '目标'), reason('target_word', '达到')];
    const plain = { reading: false, approximate: false, indicator: '高新技术企业', unitKnown: true };
    const sure = confidenceOf(reasons, plain);
    expect(sure).toBeLessThanOrEqual(0.99);
    for (const flags of [
      { ...plain, reading: true },
      { ...plain, approximate: true },
      { ...plain, indicator: '企' },
      { ...plain, unitKnown: false },
    ]) {
      expect(confidenceOf(reasons, flags)).toBeLessThan(sure);
    }
    expect(confidenceOf([], { reading: true, approximate: true, indicator: '', unitKnown: false })).toBeGreaterThanOrEqual(0.05);
  });
});
