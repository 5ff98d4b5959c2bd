import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';
import { readDocumentFrame } from './read-document-frame.js';

const frameOf = (text: string) => readDocumentFrame(normalizeText(text).text);

describe('readDocumentFrame', () => {
  it.each([
    ['a page date with a time', '发布时间：2025-01-18 09:30　来源：管委会', 2025],
    ['a signing date', '管委会办公室\n2025年2月26日', 2025],
    ['a date under the title', '宁波高新区2024年工作总结\n（2024年12月）', 2024],
    ['the latest of several', '2023年5月6日印发\n2024-12-21 07:35:12 来源：南京日报', 2024],
    ['a deadline is no date of the text', '各单位于2026年3月31日前报送名单。', null],
    ['no date', '到2026年，园区营收达到1000亿元。', null],
  ])('the year the text was written: %s', (_, text, now) => {
    expect(frameOf(text).now).toBe(now);
  });

  it.each([
    ['无锡高新区2025年科技创新工作要点', 2025, null],
    ['科技企业培育工作计划（2025年版）', 2025, null],
    ['关于下达２０２５年度园区经济发展主要指标的通知', 2025, null],
    ['广州开发区2024年度创新发展情况通报', null, 2024],
    ['东湖高新区2024年经济运行情况发布', null, 2024],
    ['苏州工业园区2024年国民经济和社会发展计划执行情况与2025年计划（摘要）', 2025, 2024],
    ['宁波高新区2024年工作总结和2025年工作思路', 2025, 2024],
    ['合肥高新区召开2025年经济工作会议', null, null],
  ])('%s plans %s, reviews %s', (title, planYear, reviewYear) => {
    expect(frameOf(`${title}\n正文。`)).toMatchObject({ planYear, reviewYear });
  });

  it('reads the plan period of a title, on its line or the next', () => {
    expect(frameOf('西安高新区行动方案（2025—2027年）\n正文。').periodEnds.map((p) => p.year)).toEqual([2027]);
    expect(frameOf('昆山高新区科技创新三年行动计划\n（2024—2026年）\n正文。').periodEnds.map((p) => p.year)).toEqual([2026]);
  });

  it('takes no table header for a title', () => {
    const text = '序号\t指标名称\t2024年基数\t2026年目标';
    expect(readDocumentFrame(normalizeText(text).text, () => true).planYear).toBeNull();
    expect(frameOf('| 指标名称 | 2024年基数 | 2026年目标 |').planYear).toBeNull();
  });
});
