/**
 * Sentences of a normalized plan text. A sentence ends at 。！？, at "|" (table debris of web
 * copies) and at a line break that really ends something: after end punctuation, after a short
 * heading line (一、主要目标), or before a list item. Other line breaks are OCR page breaks
 * inside a sentence ("核\n心装备") and are joined over, so a one-line text and a text broken
 * every few words segment alike.
 *
 * `paragraph` numbers the hard breaks, so a sentence can look at the sentence before it in the
 * same paragraph (a year stated once covers the next sentence).
 */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

const END_PUNCT = new Set(['。', '!', '?', '！', '？']);
const LINE_END = new Set(['。', '!', '?', ';', ':', '|', '；', '：']);
const LIST_ITEM = /^(?:[-—•·]|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十\d]+[章节条部分])/;
const HEADING_MAX = 40;

export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  const push = (end: number) => {
    if (end > start) out.push({ start, end, paragraph });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (END_PUNCT.has(c)) {
      let end = i + 1;
      while (end < text.length && /[”’"')）」』]/.test(text[end] as string)) end++;
      push(end);
      i = end - 1;
    } else if (c === '|') {
      push(i);
      start = i + 1;
    } else if (c === '\n') {
      if (isHardBreak(text, i)) {
        push(i);
        start = i + 1;
        paragraph++;
      }
    }
  }
  push(text.length);
  return out.filter((s) => /[^\s|]/.test(text.slice(s.start, s.end)));
}

function isHardBreak(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, at);
  const prev = line[line.length - 1];
  if (prev === undefined || LINE_END.has(prev)) return true;
  const nextLineEnd = text.indexOf('\n', at + 1);
  const next = text.slice(at + 1, nextLineEnd < 0 ? text.length : nextLineEnd);
  if (LIST_ITEM.test(next)) return true;
  // A short line without inner punctuation is a heading or a title, not half of a broken sentence.
  return line.length <= HEADING_MAX && !/[,，、。;；]/.test(line);
}
