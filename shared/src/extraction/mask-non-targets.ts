/**
 * Blanks out (with □, same length) the spans of a normalized text whose numbers are never
 * targets, so the figure finder does not see them: titles of other documents in 《》 (their
 * periods, "(2023-2025年)"), document numbers (〔2025〕5号, [2024]3号), dates (2024年12月31日,
 * 2025-04-07), phone numbers, postcodes, street addresses (XX路100号), web addresses and short
 * quoted slogans with digits (“1+N”). A date followed by 前/止 is a deadline, not a date stamp,
 * and stays.
 */
export const MASK_CHAR = '□';

const PATTERNS: readonly RegExp[] = [
  /《[^《》]{0,120}》/g,
  /[〔[【(（]\d{4}[〕\]】)）]第?\d+号/g,
  /(?<!到|至|于)\d{4}年\d{1,2}月\d{1,2}日(?!前|以前|之前|止|起)/g,
  /(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)/g,
  /(?<![\d年])\d{1,2}月\d{1,2}日(?!前|以前|之前|止)/g,
  /(?:联系电话|咨询电话|服务热线|电话|传真|热线|手机|tel|Tel|TEL)[:：]?[\d\-—()（）+\s]{5,}/g,
  /(?<!\d)\(?0\d{2,3}\)?-?\d{7,8}(?:-\d{1,4})?(?!\d)/g,
  /(?<![\d.])1[3-9]\d{9}(?!\d)/g,
  /(?:邮编|邮政编码)[:：]?\d{6}/g,
  /(?:地址|住址|通讯地址)[:：][^。\n|;；]{0,60}/g,
  /[\u4e00-\u9fff]{1,10}(?:路|街|大道|公路|弄|巷)\d+(?:-\d+)?(?:号|弄|幢|栋|号楼)(?:\d+(?:号|楼|室|层|幢|栋|单元))*/g,
  /(?:https?:\/\/|www\.)[\x21-\x7e]+/g,
  /“[^“”]{0,12}”/g,
];

export function maskNonTargets(text: string): string {
  const chars = text.split('');
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      // Quoted spans are masked only when they hold a digit: “独角兽” stays readable.
      if (m[0].startsWith('“') && !/\d/.test(m[0])) continue;
      const from = m.index ?? 0;
      for (let i = from; i < from + m[0].length; i++) if (chars[i] !== '\n') chars[i] = MASK_CHAR;
    }
  }
  return chars.join('');
}
