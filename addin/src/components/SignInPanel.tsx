import { Body1, Button, Caption1, Divider, Field, Spinner, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  devNote: { color: tokens.colorNeutralForeground3 },
});

export interface SignInPanelProps {
  /** Still asking the API how it signs people in, or finding an earlier sign-in. */
  checking: boolean;
  /** Work-account sign-in is offered (the API takes Entra ID tokens); `entraConfigured`: this build can do it. */
  entraOffered: boolean;
  entraConfigured: boolean;
  /** The API runs in local development mode: the demo-token field (never otherwise). */
  devTokens: boolean;
  onEntra(): void;
  onDemoToken(token: string): boolean;
}

/**
 * Sign-in: the work account (Microsoft Entra ID, src/auth/entra-auth.ts), and only where the API
 * says it runs in local development mode, a demo token printed by `npm start`.
 */
export function SignInPanel(props: SignInPanelProps) {
  const styles = useStyles();
  const { t } = useUi();
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = () => setInvalid(!props.onDemoToken(token));
  return (
    <section className={styles.root} aria-labelledby="sign-in-title" data-testid="sign-in-panel">
      <Subtitle2 as="h2" id="sign-in-title">
        {t('sign_in_title')}
      </Subtitle2>
      <Body1>{t('sign_in_intro')}</Body1>
      {props.checking && <Spinner size="tiny" labelPosition="after" label={t('sign_in_checking')} data-testid="sign-in-checking" />}
      {!props.checking && props.entraOffered && (
        <Field hint={props.entraConfigured ? t('sign_in_entra_hint') : t('sign_in_entra_unavailable')}>
          <Button appearance="primary" icon={<PersonRegular />} disabled={!props.entraConfigured} onClick={props.onEntra} data-testid="sign-in-entra">
            {t('sign_in_entra')}
          </Button>
        </Field>
      )}
      {!props.checking && props.devTokens && (
        <>
          {props.entraOffered && <Divider />}
          <Caption1 className={styles.devNote}>{t('sign_in_dev_mode')}</Caption1>
          <Field
            label={t('sign_in_demo')}
            hint={t('sign_in_demo_hint')}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? t('sign_in_token_invalid') : undefined}
          >
            <Textarea
              value={token}
              resize="vertical"
              rows={3}
              onChange={(_e, d) => {
                setToken(d.value);
                setInvalid(false);
              }}
              data-testid="token"
            />
          </Field>
          <Button appearance="primary" disabled={token.trim() === ''} onClick={submit} data-testid="sign-in">
            {t('sign_in_demo_button')}
          </Button>
        </>
      )}
    </section>
  );
}
