import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Lang } from '@zj/shared';
import { renderMessage, say, type LocalText, type Message } from '../i18n/translate.js';
import { translator } from '../i18n/translate.js';
import type { Remaining } from './present-issues.js';
import { useUi } from './ui-context.js';

/**
 * "2 项未填，1 处错误，1 个提示待说明" / "2 blank figures, 1 row with errors to correct, 1 warning to
 * explain", in both languages. Counted by row (remainingWork): one typo may raise two errors on its row.
 */
export function remainingList(left: Remaining): LocalText {
  const list = (lang: Lang) => {
    const t = translator(lang);
    const count = (n: number, many: 'left_unfilled' | 'left_errors' | 'left_unexplained') => (n === 0 ? null : t(many, { n }));
    const parts = [count(left.unfilled, 'left_unfilled'), count(left.errors, 'left_errors'), count(left.unexplained, 'left_unexplained')].filter(
      (p): p is string => p !== null,
    );
    return parts.join(lang === 'zh' ? '，' : ', ');
  };
  return { zh: list('zh'), en: list('en') };
}

export function remainingMessage(left: Remaining | 'empty'): Message {
  if (left === 'empty') return say('summary_empty');
  if (left.unfilled + left.errors + left.unexplained === 0) return say('summary_clean');
  return say('summary_left', { list: remainingList(left) });
}

/**
 * One line with what is left after 校验, kept up to date as explanations are written (it is
 * computed from the result and the explanations, never a message of the past).
 */
export function ValidationSummary(props: { left: Remaining | 'empty' }) {
  const { lang } = useUi();
  const left = props.left;
  const intent = left === 'empty' ? 'info' : left.unfilled + left.errors > 0 ? 'error' : left.unexplained > 0 ? 'warning' : 'success';
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="validation-summary" data-intent={intent}>
      <MessageBarBody>{renderMessage(remainingMessage(left), lang)}</MessageBarBody>
    </MessageBar>
  );
}
