import { describe, expect, it } from 'vitest';
import { findGoalSections } from './find-goal-sections.js';

describe('findGoalSections', () => {
  it('runs from a goal heading to the next heading of its level or higher', () => {
    expect(findGoalSections(['一、主要目标', '到2026年，A。', '1、产业能级显著增强。', 'B。', '二、重点任务', 'C。'])).toEqual([
      false, true, true, true, false, false,
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
