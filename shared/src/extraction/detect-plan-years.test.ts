import { describe, expect, it } from 'vitest';
import { detectPlanYears } from './detect-plan-years.js';
import { findYearMentions } from './find-year-mentions.js';

const yearsOf = (text: string) => {
  const { frame: _, ...years } = detectPlanYears(text, findYearMentions(text));
  return years;
};

describe('detectPlanYears', () => {
  it("reads the target year from 到XXXX年, the start from the plan's own period, the issue year from dates", () => {
    const text = '《行动方案(2023-2025年)》\n行动方案(2025-2026年)\n2024年12月31日\n到2026年，A。到2026年，B。至2025年，C。';
    expect(yearsOf(text)).toEqual({ targetYear: 2026, startYear: 2025, issueYear: 2024, firstFutureYear: 2025 });
  });

  it('falls back on the issue year, then on the year before the target year', () => {
    expect(yearsOf('2025年3月7日 到2026年，A。').firstFutureYear).toBe(2025);
    expect(yearsOf('到2027年，A。').firstFutureYear).toBe(2026);
  });

  it('takes the latest plan period when no sentence names a target year', () => {
    expect(yearsOf('三年行动计划（2024-2026年）').targetYear).toBe(2026);
  });

  it('reads the year a title plans or reviews, and the first future year after a reviewed one', () => {
    expect(yearsOf('科技企业培育工作计划（2025年版）\n新认定企业800家。')).toMatchObject({ targetYear: 2025, firstFutureYear: 2025 });
    expect(yearsOf('广州开发区2024年度创新发展情况通报\n2025年2月10日')).toMatchObject({ issueYear: 2025, firstFutureYear: 2025 });
    expect(yearsOf('宁波高新区2024年工作总结和2025年工作思路\n（2024年12月）')).toMatchObject({ targetYear: 2025, issueYear: 2024, firstFutureYear: 2025 });
  });

  it('takes no deadline for the date of the text', () => {
    expect(yearsOf('各单位于2026年3月31日前报送。到2027年，A。').issueYear).toBeNull();
  });

  it('knows nothing of a text without years', () => {
    expect(yearsOf('特此通知。')).toEqual({ targetYear: null, startYear: null, issueYear: null, firstFutureYear: null });
  });
});
