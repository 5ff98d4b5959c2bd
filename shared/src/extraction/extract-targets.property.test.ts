import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';
import { targetProposalSchema, type TargetProposal } from './target-proposal.js';

/** Pieces of plan text, noise included, so random texts look like (broken) plans. */
const FRAGMENTS = [
  '到2026年，',
  '至2027年',
  '2023年，',
  '截至2024年底，',
  '2026年前',
  '到 2026 年',
  '二〇二六年',
  '力争',
  '努力',
  '争取',
  '高新技术企业',
  '研发经费支出占营业收入比重',
  '三大先导产业人才',
  '产业规模',
  '孵化器',
  '园区',
  '企业',
  '“独角兽”',
  '达到',
  '超过',
  '突破',
  '不少于',
  '实现',
  '建成',
  '提供',
  '新增',
  '累计',
  '由',
  '提高到',
  '以上',
  '以内',
  '的',
  '500',
  '1-2',
  '3.4',
  '1,200',
  '６０',
  '两',
  '千亿级',
  '百分之',
  '四十五',
  '万',
  '亿',
  '家',
  '个',
  '件',
  '%',
  '亿元',
  '万人',
  '万平方米',
  '万元/人',
  '、',
  '，',
  ',',
  '。',
  '；',
  '和',
  '\n',
  ' ',
  '|',
  '*',
  '“',
  '”',
  '《',
  '》',
  '(',
  ')',
  '〔2025〕5号',
  '2024年12月31日',
  '联系电话：021-57823456',
  '地址：荣乐东路2388号',
  'G60',
  '5G',
  '18项重点任务',
  '一、主要目标',
  '4. 打造生物制造特色产业。',
  '\u3000',
  '\r\n',
  '\ud83d\ude00',
  '\t',
  '  ',
  '指标名称',
  '单位',
  '2026年目标',
  '2024年基数',
  '序号',
  '≥',
  '具体目标如下：',
  '：',
  '分别',
  '“十四五”末',
  '十五五末',
  '级',
  '超',
  '—',
  '～',
  '20EFLOPS',
  'PFlops',
  '公里',
  '小时',
  '较上年',
  '稳定在',
  '每位',
  '建设',
  '设立',
  '盘活',
  '两个',
  '百亿元',
  '其中',
  '翻一番',
  // Issue 15: reviews, estimates, ceilings, readings, traditional script, headings with years.
  '一、发展基础',
  '二、主要目标',
  '（一）2025年目标。',
  '目前',
  '现有',
  '预计全年',
  '预计到2027年',
  '全年',
  '今年',
  '前三季度',
  '不超过',
  '控制在',
  '以内',
  '下降',
  '六成',
  '翻两番',
  '两位数增长',
  '千亿台阶',
  '各',
  '達到',
  '億元',
  '萬人',
  '個',
  '发布时间：2025-01-18 09:30',
  '（2024年12月）',
  '2025年工作要点',
  '（2025年版）',
  '2024年工作总结',
  '近',
  '亿元以上项目',
  '\t',
  '2024年完成',
  '2025年目标值',
  '工作任务',
  '≤',
  '年均增长（%）',
];
const planLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }), planLike);

function checkInvariants(text: string, found: TargetProposal[]): void {
  for (const c of found) {
    expect(text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
    expect(c.quote.length).toBeGreaterThan(0);
    expect(Number.isFinite(c.value)).toBe(true);
    expect(c.value).toBeGreaterThanOrEqual(0);
    expect(c.comparison === 'range').toBe(c.valueHigh !== undefined);
    if (c.valueHigh !== undefined) {
      expect(Number.isFinite(c.valueHigh)).toBe(true);
      expect(c.valueHigh).toBeGreaterThan(c.value);
    }
    expect(c.year === null || Number.isInteger(c.year)).toBe(true);
    expect(c.indicator.length).toBeGreaterThan(0);
    expect(c.mappingScore).toBeGreaterThanOrEqual(0);
    expect(c.mappingScore).toBeLessThanOrEqual(1);
    // The fields the onboarding screen reads (target-proposal.ts).
    expect(() => targetProposalSchema.parse(c)).not.toThrow();
    expect(text.slice(c.writtenOffset, c.writtenOffset + c.written.length)).toBe(c.written);
    expect(c.writtenOffset).toBeGreaterThanOrEqual(c.offset);
    expect(c.writtenOffset + c.written.length).toBeLessThanOrEqual(c.offset + c.quote.length);
    expect(c.reasons.length).toBeGreaterThan(0);
    const { words, offset } = c.yearSource;
    if (offset !== null && words !== null) expect(text.slice(offset, offset + words.length)).toBe(words);
    if (c.baseline) expect(text.slice(c.baseline.offset, c.baseline.offset + c.baseline.quote.length)).toBe(c.baseline.quote);
    expect(c.kind === 'ceiling').toBe(c.comparison === 'lte' || c.comparison === 'lt');
  }
}

describe('extractTargets properties', () => {
  it('never throws; quotes are verbatim at their offset; values are finite', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkInvariants(text, extractTargets(text));
      }),
      { numRuns: 500 },
    );
  });

  const indicator = fc.constantFrom('高新技术企业', '当年PCT专利申请量', '新型研发机构', '人才公寓', '主导产业营收占比');
  const verb = fc.constantFrom('达到', '超过', '不少于', '突破', '力争达到');
  const unit = fc.constantFrom('家', '件', '个', '套', '%', '亿元', '万人', '万平方米');
  const value = fc.integer({ min: 1, max: 99_999 });
  const year = fc.integer({ min: 2025, max: 2035 });
  const sentence = fc.record({ indicator, verb, unit, value, year });
  const render = (s: { indicator: string; verb: string; unit: string; value: number; year: number }) =>
    `到${s.year}年，${s.indicator}${s.verb}${s.value}${s.unit}。`;

  it('finds a well-formed target sentence with its value, unit and year', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        const found = extractTargets(render(s));
        expect(found.map((c) => [c.indicator, c.value, c.unit, c.year])).toEqual([[s.indicator.replace(/^企业/, ''), s.value, s.unit, s.year]]);
        expect(found[0]?.comparison).toBe(/超过|突破/.test(s.verb) ? 'gt' : 'gte');
        expect(found[0]?.stretch).toBe(s.verb.startsWith('力争'));
      }),
    );
  });

  it('reads a ceiling in any wording as a ceiling', () => {
    const ceiling = fc.record({ indicator, value, year, word: fc.constantFrom('不超过', '控制在', '不高于'), tail: fc.constantFrom('', '以内') });
    fc.assert(
      fc.property(ceiling, (s) => {
        const [c, ...rest] = extractTargets(`到${s.year}年，${s.indicator}${s.word}${s.value}吨${s.tail}。`);
        expect(rest).toEqual([]);
        expect([c?.value, c?.comparison, c?.kind, c?.year]).toEqual([s.value, 'lte', 'ceiling', s.year]);
      }),
    );
  });

  it("gives a past year's figure as the baseline of the same indicator, never as a target", () => {
    const pair = fc.record({ indicator, unit, past: value, target: value, pastYear: fc.integer({ min: 2015, max: 2023 }), year });
    fc.assert(
      fc.property(pair, (s) => {
        const text = `${s.pastYear}年，${s.indicator}为${s.past}${s.unit}。\n到${s.year}年，${s.indicator}达到${s.target}${s.unit}。`;
        const found = extractTargets(text);
        expect(found.map((c) => [c.value, c.year])).toEqual([[s.target, s.year]]);
        expect([found[0]?.baseline?.value, found[0]?.baseline?.year]).toEqual([s.past, s.pastYear]);
      }),
    );
  });

  it('reads the same through OCR spaces and full-width digits', () => {
    const spaced = (text: string, gaps: boolean[]) => [...text].map((ch, i) => (gaps[i % gaps.length] ? `${ch} ` : ch)).join('');
    const wide = (text: string) => text.replace(/[0-9%]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(sentence, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (s, gaps) => {
        const plain = render(s);
        const key = (text: string) => extractTargets(text).map((c) => [c.indicator, c.value, c.unit, c.comparison, c.year]);
        expect(key(spaced(plain, gaps))).toEqual(key(plain));
        expect(key(wide(plain)).map(([i, v, u, c, y]) => [i, v, String(u).replace('％', '%'), c, y])).toEqual(key(plain));
      }),
    );
  });

  // Its speed on such a page is measured by `npm run bench` (scripts/bench/extract.bench.ts), not timed here.
  it('reads every clause of a long page without sentence punctuation (250 KB)', () => {
    const found = extractTargets('截至2023年底，到2026年高新技术企业达到5家、'.repeat(10_000));
    expect(found.length).toBe(10_000);
    expect(found.every((c) => c.value === 5 && c.year === 2026)).toBe(true);
  });

  it('proposes nothing for a text without digits or Chinese numerals', () => {
    const noNumbers = fc.string({ maxLength: 200 }).map((s) => s.replace(/[0-9０-９零〇一二两三四五六七八九十百千万亿]/g, ''));
    fc.assert(
      fc.property(noNumbers, (text) => {
        expect(extractTargets(text)).toEqual([]);
      }),
    );
  });
});
