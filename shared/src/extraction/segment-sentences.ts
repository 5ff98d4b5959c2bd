/**
 * Sentences of a normalized plan text whose soft line breaks are joined (joinSoftBreaks): a
 * sentence ends at 。！？, at "|" (table debris of web copies) and at a line break. `paragraph`
 * counts line breaks, so a sentence can look at the sentence before it in the same paragraph
 * (a year stated once covers the next sentence). A one-line text is one paragraph of many
 * sentences.
 */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

const END_PUNCT = new Set(['。', '!', '?', '！', '？']);
const CLOSERS = /[”’"')）」』]/;

export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let paragraph = 0;
  const push = (end: number) => {
    if (/[^\s|]/.test(text.slice(start, end))) out.push({ start, end, paragraph });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (END_PUNCT.has(c)) {
      let end = i + 1;
      while (end < text.length && CLOSERS.test(text[end] as string)) end++;
      push(end);
      start = end;
      i = end - 1;
    } else if (c === '|' || c === '\n') {
      push(i);
      start = i + 1;
      if (c === '\n') paragraph++;
    }
  }
  push(text.length);
  return out;
}
