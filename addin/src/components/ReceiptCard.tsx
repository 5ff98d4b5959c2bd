import { Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ReceiptRegular } from '@fluentui/react-icons';
import type { Receipt } from '@zj/shared';
import { formatTime } from './format-time.js';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** 报送回执: what the server stored, to keep or show a reviewer. */
export function ReceiptCard(props: { receipt: Receipt }) {
  const styles = useStyles();
  const { t, lang } = useUi();
  const r = props.receipt;
  const explained = r.issues.filter((i) => i.severity === 'warning').length;
  return (
    <Card data-testid="receipt" appearance="filled-alternative">
      <CardHeader
        image={<ReceiptRegular fontSize={24} />}
        header={
          <Text weight="semibold">
            {t('receipt_title')} · {t('receipt_version', { version: r.version })}
          </Text>
        }
      />
      <dl className={styles.list}>
        <dt className={styles.term}>{t('receipt_submitted')}</dt>
        <dd className={styles.value}>{formatTime(r.submittedAt, lang)}</dd>
        <dt className={styles.term}>{t('receipt_by')}</dt>
        <dd className={styles.value}>{r.submittedBy.name}</dd>
        <dt className={styles.term}>{t('receipt_warnings')}</dt>
        <dd className={styles.value}>{explained}</dd>
        <dt className={styles.term}>{t('receipt_hash')}</dt>
        <dd className={styles.value}>
          <code>{r.contentHash.slice(0, 16)}</code>
        </dd>
        <dt className={styles.term}>{t('receipt_template')}</dt>
        <dd className={styles.value}>
          <code>{r.templateVersion.slice(0, 12)}</code>
        </dd>
      </dl>
    </Card>
  );
}
