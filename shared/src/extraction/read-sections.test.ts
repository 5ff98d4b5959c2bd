import { describe, expect, it } from 'vitest';
import { findGoalSections, readSections } from './read-sections.js';

describe('findGoalSections', () => {
  it('runs from a goal heading to the next heading of its level or higher', () => {
    expect(findGoalSections(['一、主要目标', '到2026年，A。', '1、产业能级显著增强。', 'B。', '二、重点任务', 'C。'])).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('knows goal headings by their usual names, at any level', () => {
    for (const heading of ['二、发展目标', '（三）行动目标', '（二）工作目标', '第二章 目标任务', '三、主要指标', '（一）总体目标']) {
      expect(findGoalSections([heading, 'A。']), heading).toEqual([false, true]);
    }
  });

  it('ends a second-level goal section at the next second-level heading', () => {
    expect(findGoalSections(['（三）行动目标', 'A。', '（四）保障', 'B。'])).toEqual([false, true, false, false]);
  });

  it('takes an unnumbered heading ("具体目标如下：") to the next numbered heading', () => {
    expect(findGoalSections(['具体目标如下：', '高新技术企业数量：1500家。', '（一）产业规模', '二、任务'])).toEqual([false, true, false, false]);
  });

  it('keeps the outer extent when a goal heading nests in another', () => {
    expect(findGoalSections(['一、总体目标', '具体目标如下：', '（一）产业规模。', 'A。', '二、重点任务'])).toEqual([false, false, true, true, false]);
  });

  it('does not take a sentence that mentions goals for a heading', () => {
    expect(findGoalSections(['围绕园区发展目标，优化资金投入机制，引导企业加大投入。', 'A。'])).toEqual([false, false]);
  });
});

describe('readSections', () => {
  const read = (sentences: string[]) => readSections(sentences).map((s) => [s.goal, s.review, s.datedBy]);

  it('knows review sections by their usual names, and ends them at the next heading of their level', () => {
    expect(read(['一、发展基础', '2023年，A。', '二、发展目标', 'B。'])).toEqual([
      [false, false, null],
      [false, true, null],
      [false, false, null],
      [true, false, null],
    ]);
    for (const heading of ['（一）发展现状', '一、现有基础', '第一章 发展基础', '一、2024年工作完成情况', '一、总体情况', '壹、现况分析']) {
      expect(read([heading, 'A。'])[1]?.[1], heading).toBe(true);
    }
  });

  it('gives the sentences below a heading that names a year that heading, until the next of its level', () => {
    expect(read(['一、2024年计划执行情况', 'A。', '二、2025年主要预期目标', 'B。', '三、保障措施', 'C。'])).toEqual([
      [false, false, 0],
      [false, true, 0],
      [false, false, 2],
      [true, false, 2],
      [false, false, null],
      [false, false, null],
    ]);
    expect(read(['二、主要目标', '（一）2025年目标。', '全年新增150家。', '（二）2027年目标。', '达到1600家。'])).toEqual([
      [false, false, null],
      [false, false, 1],
      [true, false, 1],
      [false, false, 3],
      [true, false, 3],
    ]);
  });

  it('reads 工作思路 and 下一步工作 as goal sections', () => {
    expect(read(['三、下一步工作', 'A。'])[1]?.[0]).toBe(true);
    expect(read(['二、2025年工作思路', 'A。'])[1]).toEqual([true, false, 0]);
  });
});
