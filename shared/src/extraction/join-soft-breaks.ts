import type { NormalizedText } from './normalize-text.js';

/**
 * Removes the line breaks that do not end anything. OCR and PDF copies break lines inside
 * sentences and even inside words ("核\n心装备", "高新技术企业\n数量达到"); such a break is joined
 * over. A break stays when it really ends something: after end punctuation, after a short
 * heading line (一、主要目标), or before a list item. Afterwards every line break is a hard one.
 * Page numbers of PDF copies ("— 2 —", "-3-", "第2页") are lines of their own that may fall inside a
 * sentence, even inside a figure ("达到 1\n— 2 —\n200 家"): they are left out before joining.
 */
const LINE_END = new Set(['。', '!', '?', ';', ':', '|', '；', '：', '！', '？']);
const LIST_ITEM = /^(?:[-—•·]|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十\d]+[章节条部分])/;
const HEADING_MAX = 40;
const PAGE_NUMBER = /\n(?:[-—–]{1,2}\d{1,4}[-—–]{1,2}|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?)(?=\n|$)/g;

export function joinSoftBreaks(norm: NormalizedText): NormalizedText {
  const { text, map } = dropPageNumbers(norm);
  let out = '';
  const outMap: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' && !isHardBreak(text, i)) continue;
    out += text[i] as string;
    outMap.push(map[i] as number);
  }
  return { text: out, map: outMap };
}

function dropPageNumbers(norm: NormalizedText): NormalizedText {
  const drop = new Set<number>();
  for (const m of norm.text.matchAll(PAGE_NUMBER)) for (let k = 0; k < m[0].length; k++) drop.add((m.index ?? 0) + k);
  if (drop.size === 0) return norm;
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < norm.text.length; i++) {
    if (drop.has(i)) continue;
    text += norm.text[i] as string;
    map.push(norm.map[i] as number);
  }
  return { text, map };
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
