import type { Lang } from '@zj/shared';
import { useCallback, useRef, useState } from 'react';
import { toUserMessage, type UserMessage } from '../api/user-message.js';
import type { Busy, Notice } from '../components/StatusArea.js';
import type { MessageKey, Translate } from '../i18n/translate.js';

export type Progress = (label: MessageKey, fraction?: number) => void;
export type Notify = (intent: Notice['intent'], text: string, actions?: Notice['actions']) => void;

export interface Operation {
  busy: Busy | null;
  notice: Notice | null;
  notify: Notify;
  dismiss(): void;
  /**
   * Runs a long operation with a progress bar; an error becomes a message with what to do
   * (toUserMessage), and "retry" runs the same operation again.
   */
  run(label: MessageKey, work: (progress: Progress) => Promise<void>, onError?: (message: UserMessage) => void): Promise<void>;
  retry(): Promise<void>;
}

export function useOperation(lang: Lang, t: Translate): Operation {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const last = useRef<(() => Promise<void>) | null>(null);
  // Operations run one after another (two started together, e.g. on sign-in, both run).
  const queue = useRef<Promise<void>>(Promise.resolve());

  const notify = useCallback<Notify>((intent, text, actions = []) => setNotice({ intent, text, actions }), []);

  const run = useCallback<Operation['run']>(
    async (label, work, onError) => {
      const attempt = async () => {
        setNotice(null);
        setBusy({ label: t(label) });
        try {
          await work((next, fraction) => setBusy({ label: t(next), ...(fraction !== undefined ? { progress: fraction } : {}) }));
        } catch (error) {
          const message = toUserMessage(error, lang, t);
          setNotice({ intent: 'error', text: message.text, actions: message.actions });
          onError?.(message);
          // For whoever supports this pane: the cause, never shown to the user.
          console.warn('[zj] operation failed', error);
        } finally {
          setBusy(null);
        }
      };
      last.current = attempt;
      const next = queue.current.then(attempt);
      queue.current = next;
      await next;
    },
    [lang, t],
  );

  const retry = useCallback(async () => {
    const attempt = last.current;
    if (!attempt) return;
    const next = queue.current.then(attempt);
    queue.current = next;
    await next;
  }, []);

  return { busy, notice, notify, dismiss: () => setNotice(null), run, retry };
}
