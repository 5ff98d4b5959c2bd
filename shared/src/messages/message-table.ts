/** One module's messages: the same codes in both languages; `{name}` placeholders are params. */
export interface MessageTable {
  zh: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}
