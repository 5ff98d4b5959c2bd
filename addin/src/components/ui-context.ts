import type { Lang } from '@zj/shared';
import { createContext, useContext } from 'react';
import type { Translate } from '../i18n/translate.js';

/** The language and translator every component reads. */
export interface UiContextValue {
  lang: Lang;
  t: Translate;
}

export const UiContext = createContext<UiContextValue | null>(null);

export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('useUi outside UiContext');
  return value;
}
