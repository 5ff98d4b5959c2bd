import { describe, expect, it } from 'vitest';
import { joinSoftBreaks } from './join-soft-breaks.js';
import { normalizeText, originalSpan } from './normalize-text.js';
import { segmentSentences } from './segment-sentences.js';

describe('normalizeText', () => {
  it('drops spaces and asterisks, folds full width, collapses blank lines, maps back to the original', () => {
    const original = '到 ２０２６ 年，**达到**　５００ 家％\n\n\n下一段';
    const norm = normalizeText(original);
    expect(norm.text).toBe('到2026年,达到500家%\n下一段');
    const start = norm.text.indexOf('500');
    expect(originalSpan(norm, start, start + 4, original).quote).toBe('５００ 家');
  });

  it('reads traditional script as simplified, one character for one', () => {
    const original = '到2026年，集聚科技型企業超過500家，研發經費投入強度達到4%以上，增加值突破百億元。';
    const norm = normalizeText(original);
    expect(norm.text).toBe('到2026年,集聚科技型企业超过500家,研发经费投入强度达到4%以上,增加值突破百亿元。');
    expect(norm.text.length).toBe(original.length);
    const start = norm.text.indexOf('百亿元');
    expect(originalSpan(norm, start, start + 3, original).quote).toBe('百億元');
  });

  it('writes years in Chinese digits as Arabic, and leaves other numerals alone', () => {
    expect(normalizeText('到二〇二六年，一二三年').text).toBe('到2026年,一二三年');
  });
});

describe('joinSoftBreaks and segmentSentences', () => {
  const sentences = (text: string) => {
    const norm = joinSoftBreaks(normalizeText(text));
    return segmentSentences(norm.text).map((s) => norm.text.slice(s.start, s.end));
  };

  it('joins OCR page breaks inside a sentence, even inside a word', () => {
    expect(sentences('形成完整的产业链,积极引入核\n\n心装备等上下游供应商。力争引进企业50家。')).toEqual([
      '形成完整的产业链,积极引入核心装备等上下游供应商。',
      '力争引进企业50家。',
    ]);
  });

  it('breaks after headings, end punctuation, before list items, and at "|"', () => {
    expect(sentences('一、主要目标\n到2026年，A达到1家\n1.发展产业\n索引号 | SY-1 |')).toEqual([
      '一、主要目标',
      '到2026年,A达到1家',
      '1.发展产业',
      '索引号',
      'SY-1',
    ]);
  });

  it('splits a one-line text at 。！？ and keeps closing quotes with their sentence', () => {
    expect(sentences('甲。乙！“丙？”丁')).toEqual(['甲。', '乙!', '“丙?”', '丁']);
  });

  it('numbers paragraphs by line breaks only', () => {
    const norm = joinSoftBreaks(normalizeText('甲。乙。\n丙。'));
    expect(segmentSentences(norm.text).map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});
