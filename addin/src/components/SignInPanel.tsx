import { Body1, Button, Divider, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Sign-in: the work-account button (where Microsoft Entra ID plugs in, src/auth/entra-sign-in.ts)
 * and, on the local stack, a demo token.
 */
export function SignInPanel(props: { entraAvailable: boolean; onEntra(): void; onDemoToken(token: string): boolean }) {
  const styles = useStyles();
  const { t } = useUi();
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = () => setInvalid(!props.onDemoToken(token));
  return (
    <section className={styles.root} aria-labelledby="sign-in-title">
      <Subtitle2 as="h2" id="sign-in-title">
        {t('sign_in_title')}
      </Subtitle2>
      <Body1>{t('sign_in_intro')}</Body1>
      <Field hint={props.entraAvailable ? undefined : t('sign_in_entra_unavailable')}>
        <Button icon={<PersonRegular />} disabled={!props.entraAvailable} onClick={props.onEntra}>
          {t('sign_in_entra')}
        </Button>
      </Field>
      <Divider />
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
    </section>
  );
}
