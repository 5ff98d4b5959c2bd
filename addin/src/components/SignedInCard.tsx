import { Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAvailableRegular } from '@fluentui/react-icons';
import type { MeResponse } from '@zj/shared';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

/**
 * Who is signed in, as the API answered GET /me: the first thing the pane shows after sign-in,
 * so a user sees at once the role and park the system will let them work on.
 */
export function SignedInCard(props: { me: MeResponse }) {
  const styles = useStyles();
  const { t, lang } = useUi();
  const rows: [string, string, string][] = [
    ['name', t('me_name'), props.me.name],
    ['role', t('me_role'), t(`role_${props.me.role}`)],
    ['park', t('me_park'), props.me.park ? props.me.park.name[lang] : t('me_park_all')],
    ['method', t('me_method'), t(`auth_mode_${props.me.authMode.replace('-', '_') as 'entra' | 'app_service' | 'dev_token'}`)],
  ];
  return (
    <Card size="small" appearance="filled-alternative" data-testid="me">
      <CardHeader image={<PersonAvailableRegular fontSize={20} />} header={<Text weight="semibold">{t('me_title')}</Text>} />
      <dl className={styles.list}>
        {rows.map(([key, term, value]) => [
          <dt key={`${key}-term`} className={styles.term}>
            {term}
          </dt>,
          <dd key={`${key}-value`} className={styles.value} data-testid={`me-${key}`}>
            {value}
          </dd>,
        ])}
      </dl>
    </Card>
  );
}
