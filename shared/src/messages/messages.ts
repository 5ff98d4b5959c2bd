import type { IssueParams, Lang } from '../issues/issue.js';
import { MESSAGES_ZH } from './messages-zh.js';
import { MESSAGES_EN } from './messages-en.js';

/** Every issue code has a message in each language; a test checks both tables have the same keys. */
export const MESSAGE_TABLES: Record<Lang, Readonly<Record<string, string>>> = { zh: MESSAGES_ZH, en: MESSAGES_EN };

/** Fills `{name}` placeholders. An unknown code is a programming error: it throws. */
export function formatMessage(code: string, params: IssueParams, lang: Lang): string {
  const template = MESSAGE_TABLES[lang][code];
  if (template === undefined) throw new Error(`no ${lang} message for issue code "${code}"`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
