/**
 * Folds what a Chinese input method types into plain ASCII, then trims: full-width digits and
 * punctuation (１２３．５ → 123.5, ，→ ",", ％ → "%", －/＋ → "-"/"+"), the ideographic space
 * U+3000, and the minus sign U+2212 that Word and Excel autocorrect produce.
 *
 * An explicit table, not `normalize('NFKC')`: NFKC depends on the ICU data the runtime ships
 * and would also turn ① into 1 or ½ into 1⁄2, i.e. guess numbers out of symbols.
 */
export function normalizeFigureText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0x2212) out += '-';
    else out += ch;
  }
  // \s covers NBSP, U+3000, U+FEFF and the other Unicode spaces; U+200B comes from web pages.
  return out.replace(/^[\s\u200b]+|[\s\u200b]+$/g, '');
}
