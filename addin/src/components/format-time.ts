import type { Lang } from '@zj/shared';

/** 2025年11月21日 10:02 / 21 Nov 2025, 10:02, in the user's time zone. */
export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
