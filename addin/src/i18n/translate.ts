import type { Lang } from '@zj/shared';
import { EN } from './messages-en.js';
import { ZH, type MessageKey } from './messages-zh.js';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const TABLES: Record<Lang, Record<MessageKey, string>> = { zh: ZH, en: EN };

const PLURALS: Record<Lang, Intl.PluralRules> = { zh: new Intl.PluralRules('zh'), en: new Intl.PluralRules('en') };

/**
 * A table's text with its placeholders filled: `{name}` is the parameter; `{name|one|other}` is
 * the word that goes with the count `name` (English: "1 warning", "2 warnings").
 */
export function translator(lang: Lang): Translate {
  return (key, params = {}) =>
    TABLES[lang][key].replace(/\{(\w+)(?:\|([^|}]*)\|([^|}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (one === undefined || other === undefined) return String(value);
      return PLURALS[lang].select(Number(value)) === 'one' ? one : other;
    });
}

/**
 * The UI language: the user's own choice if they made one, else Office's display language
 * (zh-CN, zh-TW… → Chinese; any other → English), else Chinese.
 */
export function pickLang(chosen: string | null, officeDisplayLanguage: string | null): Lang {
  if (chosen === 'zh' || chosen === 'en') return chosen;
  if (officeDisplayLanguage === null || officeDisplayLanguage === '') return 'zh';
  return officeDisplayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A text in both languages (the API's messages come so). */
export interface LocalText {
  zh: string;
  en: string;
}

export type MessageParam = string | number | LocalText;

/**
 * A message as data, rendered when it is shown: switching the language re-renders every message
 * already on screen. A key of the pane's tables with its parameters, a text the API sent in both
 * languages, or several of them in a row.
 */
export type Message = { key: MessageKey; params?: Record<string, MessageParam> } | { text: LocalText } | { all: Message[] };

export function say(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

export function renderMessage(message: Message, lang: Lang): string {
  if ('text' in message) return message.text[lang];
  if ('all' in message) return message.all.map((m) => renderMessage(m, lang)).join(lang === 'zh' ? '' : ' ');
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = typeof value === 'object' ? value[lang] : value;
  return translator(lang)(message.key, params);
}
