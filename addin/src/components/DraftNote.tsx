import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CloudCheckmarkRegular, CloudDismissRegular } from '@fluentui/react-icons';
import { formatTime } from './format-time.js';
import { useUi } from './ui-context.js';

/** Where the server draft stands after 校验: saved (and when), or not saved. */
export type DraftState = { kind: 'saved'; savedAt: string } | { kind: 'not_saved' };

const useStyles = makeStyles({
  note: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', color: tokens.colorNeutralForeground3 },
  icon: { flexShrink: 0, fontSize: '16px' },
});

/** A quiet line under the actions: the sheet is the draft that matters, so this never alarms. */
export function DraftNote(props: { state: DraftState }) {
  const styles = useStyles();
  const { t, lang } = useUi();
  const saved = props.state.kind === 'saved';
  return (
    <Caption1 className={styles.note} data-testid="draft-note" data-state={props.state.kind}>
      {saved ? <CloudCheckmarkRegular className={styles.icon} /> : <CloudDismissRegular className={styles.icon} />}
      {props.state.kind === 'saved' ? t('draft_saved', { time: formatTime(props.state.savedAt, lang) }) : t('draft_not_saved')}
    </Caption1>
  );
}
