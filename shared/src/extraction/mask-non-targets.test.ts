import { describe, expect, it } from 'vitest';
import { MASK_CHAR, maskNonTargets } from './mask-non-targets.js';

const masked = (text: string) => maskNonTargets(text).replace(new RegExp(`[^${MASK_CHAR}]`, 'g'), '.').length === text.length;
const hidden = (text: string, part: string) => {
  const out = maskNonTargets(text);
  const at = text.indexOf(part);
  return out.slice(at, at + part.length) === MASK_CHAR.repeat(part.length);
};

describe('maskNonTargets', () => {
  it.each([
    ['闵府发〔2025〕5号', '〔2025〕5号'],
    ['金府发[2024]3号', '[2024]3号'],
    ['《张江高新区行动方案(2023-2025年)》文件', '《张江高新区行动方案(2023-2025年)》'],
    ['2024年12月31日印发', '2024年12月31日'],
    ['发布时间2025-04-07', '2025-04-07'],
    ['联系电话:021-57823456', '联系电话:021-57823456'],
    ['拨打021-64123456', '021-64123456'],
    ['手机13812345678', '13812345678'],
    ['邮编:201500', '邮编:201500'],
    ['地址:荣乐东路2388号', '地址:荣乐东路2388号'],
    ['设在碧波路690号5幢', '碧波路690号5幢'],
    ['见https://www.example.gov.cn/a?b=1', 'https://www.example.gov.cn/a?b=1'],
    ['构建“1+N”体系', '“1+N”'],
  ])('hides %s', (text, part) => {
    expect(masked(text)).toBe(true);
    expect(hidden(text, part)).toBe(true);
  });

  it.each([['到2026年6月30日前完成'], ['“独角兽”企业达到8家'], ['到2026年，高新技术企业达到500家']])('keeps %s', (text) => {
    expect(maskNonTargets(text)).toBe(text);
  });
});
