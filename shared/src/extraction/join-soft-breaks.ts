import type { NormalizedText } from './normalize-text.js';

/**
 * Removes the line breaks that do not end anything. OCR and PDF copies break lines inside
 * sentences and even inside words ("核\n心装备", "高新技术企业\n数量达到"); such a break is joined
 * over. A break stays when it really ends something: after end punctuation, after a short
 * heading line (一、主要目标), or before a list item. Afterwards every line break is a hard one.
 */
const LINE_END = new Set(['。', '!', '?', ';', ':', '|', '；', '：', '！', '？']);
const LIST_ITEM = /^(?:[-—•·]|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十\d]+[章节条部分])/;
const HEADING_MAX = 40;

export function joinSoftBreaks(norm: NormalizedText): NormalizedText {
  const { text, map } = norm;
  let out = '';
  const outMap: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' && !isHardBreak(text, i)) continue;
    out += text[i] as string;
    outMap.push(map[i] as number);
  }
  return { text: out, map: outMap };
}

function isHardBreak(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, at);
  const prev = line[line.length - 1];
  if (prev === undefined || LINE_END.has(prev)) return true;
  const nextLineEnd = text.indexOf('\n', at + 1);
  const next = text.slice(at + 1, nextLineEnd < 0 ? text.length : nextLineEnd);
  if (next === '' || LIST_ITEM.test(next)) return true;
  // A short line without inner punctuation is a heading or a title, not half of a broken sentence.
  const body = line.replace(LIST_ITEM, '');
  return body.length <= HEADING_MAX && !/[,，、。;；]/.test(body);
}
