/**
 * A PDF's text as a reader sees it: the text runs of a line in order, lines of a paragraph joined,
 * one paragraph a line. A PDF has no paragraphs, only runs of glyphs placed on a page, so:
 * - runs on one baseline make a line, ordered by x; a space between them is kept only between two
 *   Latin letters or digits, where a gap between two runs is one too (Chinese has none: "2025 年", "达到 8 家" are runs of different fonts);
 * - a line that reaches the text's right edge (within two characters) and does not end a sentence
 *   (。；：！？) runs on into the next one, unless that one is indented (a new paragraph) — so a
 *   target broken over two lines ("每年举办科技成\n果路演活动不少于20场") is one quote again, also
 *   across a page break;
 * - a line that is only a page number ("— 2 —", "-3-", "第2页", "2") is left out.
 */
export interface PdfRun {
  x: number;
  width: number;
  size: number;
  str: string;
}

export interface PdfLine {
  page: number;
  y: number;
  runs: PdfRun[];
}

const SENTENCE_END = /[。；：！？;:!?]$/;
const PAGE_NUMBER = /^(?:[-—–]\s*)?\d{1,4}(?:\s*[-—–])?$|^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/;
/** Chinese characters and full-width punctuation, and the quotes and dashes Chinese text uses. */
const WIDE = '\\u2014\\u2018-\\u201f\\u2026\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BESIDE_WIDE = new RegExp(`(?<=[${WIDE}])\\s+|\\s+(?=[${WIDE}])`, 'g');

export function joinPdfLines(lines: readonly PdfLine[]): string {
  const read = lines
    .map((line) => {
      const runs = [...line.runs].sort((a, b) => a.x - b.x);
      const left = runs[0]!.x;
      const right = Math.max(...runs.map((r) => r.x + r.width));
      const size = Math.max(...runs.map((r) => r.size));
      // A gap of a fifth of a character between two runs is a space (pdf.js gives none between them).
      const joined = runs.map((r, k) => (k > 0 && r.x - (runs[k - 1]!.x + runs[k - 1]!.width) > r.size / 5 ? ` ${r.str}` : r.str)).join('');
      const text = joined.replace(SPACE_BESIDE_WIDE, '').replace(/\s+/g, ' ').trim();
      return { left, right, size, text };
    })
    .filter((l) => l.text !== '' && !PAGE_NUMBER.test(l.text));
  if (read.length === 0) return '';
  const margin = Math.min(...read.map((l) => l.left));
  const edge = Math.max(...read.map((l) => l.right));
  let out = '';
  read.forEach((line, i) => {
    out += line.text;
    const next = read[i + 1];
    if (!next) return;
    const full = line.right >= edge - 2 * line.size;
    const indented = next.left > margin + line.size / 2;
    const runsOn = full && !indented && !SENTENCE_END.test(line.text);
    if (!runsOn) out += '\n';
    else if (/[A-Za-z0-9]$/.test(line.text) && /^[A-Za-z0-9]/.test(next.text)) out += ' ';
  });
  return `${out}\n`;
}
