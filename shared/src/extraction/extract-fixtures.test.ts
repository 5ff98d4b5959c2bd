import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';

/**
 * Plans of other parks, written for these tests in the language such plans use (not copies of
 * the seeds): a clean 2025-2027 plan with a past-year 发展基础 section, and a one-line web page
 * with navigation debris. Every target is found, and nothing of the past or of the page.
 */
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const brief = (text: string) => extractTargets(text).map((c) => [c.indicator, c.value, c.valueHigh ?? null, c.unit, c.comparison, c.stretch, c.year]);

describe('plans of other parks', () => {
  it('a 2025-2027 plan with a baseline section, a goal section, task paragraphs and safeguards', () => {
    expect(brief(fixture('plan-songjiang-style.txt'))).toEqual([
      ['营业收入', 3500, null, '亿元', 'gt', false, 2027],
      ['规模以上工业总产值', 2000, null, '亿元', 'gte', false, 2027],
      ['研发经费支出占营业收入比重', 4.5, null, '%', 'gte', false, 2027],
      ['有效期内高新技术企业', 1500, null, '家', 'gte', false, 2027],
      ['科技小巨人企业', 60, null, '家', 'gte', false, 2027],
      ['专精特新企业', 300, null, '家', 'gte', false, 2027],
      ['独角兽企业', 2, 3, '家', 'range', true, 2026],
      ['新增国家级孵化器', 1, null, '家', 'gte', true, 2026],
      ['集聚各类人才', 3.5, null, '万人', 'gte', true, 2026],
      ['每万人发明专利拥有量', 80, null, '件', 'gte', false, 2027],
      ['新增产业用地', 1200, null, '亩', 'gte', false, 2027],
      ['新增市级以上研发机构', 10, null, '个', 'gte', false, 2027],
      ['千亿级产业集群', 2, null, '个', 'gte', false, 2027],
      ['新能源汽车产业规模', 800, null, '亿元', 'gt', true, 2027],
      ['规模以上工业企业研发机构覆盖率', 50, null, '%', 'gte', false, 2027],
      ['单位增加值能耗', 0.3, null, '吨标准煤', 'lte', false, 2027],
    ]);
  });

  it('a one-line web page with navigation, ICP and phone debris', () => {
    expect(brief(fixture('plan-oneline-debris.txt'))).toEqual([
      ['工业总产值年均增长', 8, null, '%', 'gte', false, 2026],
      ['战略性新兴产业产值占规上工业总产值比重', 45, null, '%', 'gte', false, 2026],
      ['智能传感器产业规模', 500, null, '亿元', 'gt', false, 2026],
      ['新增上市企业', 2, null, '家', 'gte', false, 2026],
      ['国家级专精特新“小巨人”企业累计', 45, null, '家', 'gte', false, 2026],
      ['高新技术企业总数', 1200, null, '家', 'gt', false, 2026],
      ['市级以上孵化器、众创空间', 8, 10, '个', 'range', false, 2026],
      ['科创载体面积', 100, null, '万平方米', 'gte', false, 2026],
      ['人均增加值', 35, null, '万元/人', 'gte', false, 2026],
      ['每年举办产业对接活动', 10, null, '场', 'gte', false, 2026],
      ['集聚传感器企业', 150, null, '家', 'gte', true, 2026],
    ]);
  });
});
