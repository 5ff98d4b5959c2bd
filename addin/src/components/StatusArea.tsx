import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { UserAction } from '../api/user-message.js';
import { renderMessage, type Message, type MessageKey } from '../i18n/translate.js';
import { useUi } from './ui-context.js';

export interface Busy {
  label: MessageKey;
  /** 0..1, or undefined while the length is unknown. */
  progress?: number;
}

export interface Notice {
  intent: 'info' | 'success' | 'warning' | 'error';
  message: Message;
  actions: UserAction[];
}

const ACTION_LABEL: Record<UserAction, MessageKey> = {
  retry: 'retry',
  sign_in: 'sign_in_again',
  get_template: 'get_template_again',
  first_template: 'get_template_first',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { flexWrap: 'wrap' },
});

/** Progress of a long operation, and the latest message with what the user can do about it, in the UI's language. */
export function StatusArea(props: { busy: Busy | null; notice: Notice | null; onAction(action: UserAction): void; onDismiss(): void }) {
  const styles = useStyles();
  const { t, lang } = useUi();
  if (!props.busy && !props.notice) return null;
  return (
    <div className={styles.root} aria-live="polite" data-testid="status">
      {props.busy && (
        <Field validationMessage={t(props.busy.label)} validationState={props.busy.label === 'progress_cell_editing' ? 'warning' : 'none'}>
          <ProgressBar value={props.busy.progress} max={1} thickness="large" />
        </Field>
      )}
      {props.notice && !props.busy && (
        <MessageBar intent={props.notice.intent} layout="multiline" data-testid={`notice-${props.notice.intent}`}>
          <MessageBarBody>{renderMessage(props.notice.message, lang)}</MessageBarBody>
          <MessageBarActions
            className={styles.actions}
            containerAction={<Button appearance="transparent" aria-label={t('dismiss')} icon={<DismissRegular />} onClick={props.onDismiss} />}
          >
            {props.notice.actions.map((a) => (
              <Button key={a} size="small" onClick={() => props.onAction(a)} data-testid={`action-${a}`}>
                {t(ACTION_LABEL[a])}
              </Button>
            ))}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
