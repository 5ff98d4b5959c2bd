import { useCallback, useEffect, useRef, useState } from 'react';
import { toUserMessage, type MessageContext, type UserMessage } from '../api/user-message.js';
import type { Busy, Notice } from '../components/StatusArea.js';
import type { ExcelPort } from '../excel/excel-port.js';
import type { Message, MessageKey } from '../i18n/translate.js';

export type Progress = (label: MessageKey, fraction?: number) => void;
export type Notify = (intent: Notice['intent'], message: Message, actions?: Notice['actions']) => void;

export interface RunOptions {
  /** Where what the user typed is while the operation fails (said in network messages). */
  dataIn?: MessageContext['dataIn'];
  onError?(message: UserMessage): void;
}

export interface Operation {
  busy: Busy | null;
  notice: Notice | null;
  notify: Notify;
  dismiss(): void;
  /**
   * Runs a long operation with a progress bar; an error becomes a message with what to do
   * (toUserMessage), and "retry" runs the same operation again.
   */
  run(label: MessageKey, work: (progress: Progress) => Promise<void>, options?: RunOptions): Promise<void>;
  retry(): Promise<void>;
}

/**
 * Progress and messages of the pane. Messages are kept as data (Message) and rendered when
 * shown, so switching the language re-renders them. While Excel holds a batch for a cell being
 * edited, the progress says so.
 */
export function useOperation(excel: Pick<ExcelPort, 'onWaitingForCellEdit'>, names: Pick<MessageContext, 'parkName' | 'periodLabel'>): Operation {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [waiting, setWaiting] = useState(false);
  const last = useRef<(() => Promise<void>) | null>(null);
  // Operations run one after another (two started together, e.g. on sign-in, both run).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const namesRef = useRef(names);
  namesRef.current = names;

  useEffect(() => excel.onWaitingForCellEdit(setWaiting), [excel]);

  const notify = useCallback<Notify>((intent, message, actions = []) => setNotice({ intent, message, actions }), []);

  const run = useCallback<Operation['run']>(async (label, work, options = {}) => {
    const attempt = async () => {
      setNotice(null);
      setBusy({ label });
      try {
        await work((next, fraction) => setBusy({ label: next, ...(fraction !== undefined ? { progress: fraction } : {}) }));
      } catch (error) {
        const message = toUserMessage(error, { ...namesRef.current, dataIn: options.dataIn ?? null });
        setNotice({ intent: 'error', message: message.message, actions: message.actions });
        options.onError?.(message);
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
  }, []);

  const retry = useCallback(async () => {
    const attempt = last.current;
    if (!attempt) return;
    const next = queue.current.then(attempt);
    queue.current = next;
    await next;
  }, []);

  const dismiss = useCallback(() => setNotice(null), []);
  const shownBusy = busy && waiting ? { label: 'progress_cell_editing' as const } : busy;
  return { busy: shownBusy, notice, notify, dismiss, run, retry };
}
