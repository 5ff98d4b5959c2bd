/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 cannot hold are what this removes.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text typed by a user (an explanation, a comment), made safe to write into a cell: characters
 * XML 1.0 cannot carry (control characters, lone surrogates) are dropped, since one of them
 * makes the whole file unreadable, and text past Excel's cell limit is cut with a mark. The
 * caller writes the result as a string value with the text format '@', so "=1+1" or "+86…" stays
 * text and is never taken for a formula.
 */
export function toCellText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return clean.length <= MAX_CELL_CHARS ? clean : `${clean.slice(0, MAX_CELL_CHARS - 1)}…`;
}
