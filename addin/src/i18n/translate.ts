import type { Lang } from '@zj/shared';
import { EN } from './messages-en.js';
import { ZH, type MessageKey } from './messages-zh.js';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const TABLES: Record<Lang, Record<MessageKey, string>> = { zh: ZH, en: EN };

export function translator(lang: Lang): Translate {
  return (key, params = {}) => TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
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
