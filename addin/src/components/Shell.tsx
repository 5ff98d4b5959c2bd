import { Button, Caption1, Subtitle2, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { LocalLanguageRegular, SignOutRegular } from '@fluentui/react-icons';
import type { Actor } from '@zj/shared';
import type { ReactNode } from 'react';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { flexGrow: 1, minWidth: 0 },
  // The switch keeps to one line at 320 px: it names the other language, so it must be read whole.
  lang: { flexShrink: 0, whiteSpace: 'nowrap', minWidth: 'auto' },
  who: { display: 'block', color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

/** The frame of the task pane: title, who is signed in, language switch, sign-out. */
export function Shell(props: { actor: Actor | null; parkName: string | null; onToggleLang(): void; onSignOut(): void; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useUi();
  const role = props.actor ? t(`role_${props.actor.role}`) : null;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.title}>
          <Subtitle2 as="h1">{t('app_title')}</Subtitle2>
          {props.actor && (
            <Caption1 className={styles.who} data-testid="who">
              {props.actor.name} · {role}
              {props.parkName ? ` · ${props.parkName}` : ''}
            </Caption1>
          )}
        </div>
        <Tooltip content={t('language_switch_label')} relationship="description">
          <Button className={styles.lang} appearance="subtle" size="small" icon={<LocalLanguageRegular />} onClick={props.onToggleLang} data-testid="lang">
            {t('language_switch')}
          </Button>
        </Tooltip>
        {props.actor && (
          <Tooltip content={t('sign_out')} relationship="label">
            <Button appearance="subtle" size="small" icon={<SignOutRegular />} onClick={props.onSignOut} data-testid="sign-out" />
          </Tooltip>
        )}
      </header>
      <main className={styles.main}>{props.children}</main>
    </div>
  );
}
