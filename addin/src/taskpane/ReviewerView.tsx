import { Body1, Button, Caption1, Divider, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import type { ReturnResponse, TemplateModel } from '@zj/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { formatTime } from '../components/format-time.js';
import { ReviewForm } from '../components/ReviewForm.js';
import { StateBadge } from '../components/StateBadge.js';
import { SubmissionView } from '../components/SubmissionView.js';
import { useUi } from '../components/ui-context.js';
import { useFieldInfo } from '../components/use-field-info.js';
import { say } from '../i18n/translate.js';
import { periodLabel } from './period-options.js';
import type { Operation } from './use-operation.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  reviews: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The reviewer (园区审核) reads the latest submission with its explanations and approves it or
 * returns it with a comment. The consolidator sees the same, without the decision (readOnly).
 */
export function ReviewerView(props: { api: ApiClient; park: string; parkName: string; period: string; op: Operation; readOnly?: boolean }) {
  const { api, park, period, op } = props;
  const { t, lang } = useUi();
  const styles = useStyles();
  const [data, setData] = useState<ReturnResponse | null>(null);
  const [template, setTemplate] = useState<TemplateModel | null>(null);

  const load = useCallback(
    () =>
      op.run('progress_load', async () => {
        const [ret, tpl] = await Promise.all([api.getReturn(park, period), api.template(park, period).catch(() => null)]);
        setData(ret);
        setTemplate(tpl);
        if (!ret.latest) op.notify('info', say('review_none', { park: props.parkName, period: periodLabel(period) }));
      }),
    [api, op, park, period, props.parkName],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per park and period; `load` also changes with what must not reload (the operation's state, the park's name).
  useEffect(() => {
    setData(null);
    void load();
  }, [park, period]);

  const fields = useFieldInfo(template);

  const decide = (decision: 'approve' | 'return', comment: string) =>
    op.run('progress_submit', async () => {
      const version = data!.latest!.version;
      await api.review(park, period, { version, decision, comment });
      setData(await api.getReturn(park, period));
      op.notify('success', say(decision === 'approve' ? 'review_done_approve' : 'review_done_return', { version }));
    });

  const latest = data?.latest ?? null;
  const reviewed = latest ? data!.reviews.some((r) => r.version === latest.version) : false;
  return (
    <section className={styles.root} data-testid="review">
      <div className={styles.head}>
        <Subtitle2 as="h2">{props.readOnly ? props.parkName : t('review_title')}</Subtitle2>
        {data && <StateBadge state={data.state} />}
        {data?.locked && <Caption1>{t('locked')}</Caption1>}
        <Button size="small" appearance="subtle" icon={<DocumentSearchRegular />} onClick={load} disabled={op.busy !== null}>
          {t('review_load')}
        </Button>
      </div>
      {latest && <SubmissionView version={latest} fields={fields} />}
      {latest && !props.readOnly && !reviewed && <ReviewForm busy={op.busy !== null} onDecide={decide} />}
      {data && data.reviews.length > 0 && (
        <>
          <Divider />
          <Subtitle2 as="h3">{t('review_history')}</Subtitle2>
          <ul className={styles.reviews}>
            {data.reviews.map((r) => (
              <li key={`${r.version}-${r.at}`}>
                <Body1>
                  {t('receipt_version', { version: r.version })} ·{' '}
                  {t('review_entry', {
                    decision: t(r.decision === 'approve' ? 'state_approved' : 'state_returned'),
                    by: r.by.name,
                    time: formatTime(r.at, lang),
                  })}
                  {r.comment ? `：${r.comment}` : ''}
                </Body1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
