import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReturnResponse, ReturnState } from '@zj/shared';
import { formatTime } from './format-time.js';
import { StateBadge } from './StateBadge.js';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    height: 'auto',
    whiteSpace: 'normal',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * 历史版本: every version submitted for the period (kept, never overwritten), newest first, a
 * page at a time: `history` holds the pages read so far, and 更早的版本 (onMore) reads the next
 * (its `next` token) while there are older ones.
 */
export function VersionHistory(props: { history: ReturnResponse; onOpen(version: number): void; onMore(): void; loadingMore: boolean }) {
  const styles = useStyles();
  const { t, lang } = useUi();
  const h = props.history;
  return (
    <section aria-labelledby="history-title" data-testid="history">
      <div className={styles.head}>
        <Subtitle2 as="h2" id="history-title">
          {t('history_title')}
        </Subtitle2>
        <StateBadge state={h.state as ReturnState} />
        {h.locked && <Caption1>{t('locked')}</Caption1>}
      </div>
      {h.versions.length === 0 && <Body1>{t('history_empty')}</Body1>}
      <ul className={styles.list}>
        {[...h.versions].reverse().map((v) => {
          const review = h.reviews.filter((r) => r.version === v.version).at(-1);
          return (
            <li key={v.version}>
              <Button className={styles.item} appearance="subtle" onClick={() => props.onOpen(v.version)} data-testid="version">
                <span>{t('history_row', { version: v.version, time: formatTime(v.submittedAt, lang), by: v.submittedBy.name })}</span>
                <Caption1>
                  {t('history_counts', { errors: v.errorCount, warnings: v.warningCount })}
                  {review ? ` · ${t(review.decision === 'approve' ? 'state_approved' : 'state_returned')}${review.comment ? `：${review.comment}` : ''}` : ''}
                </Caption1>
              </Button>
            </li>
          );
        })}
      </ul>
      {h.next !== null && (
        <Button appearance="secondary" onClick={props.onMore} disabled={props.loadingMore} data-testid="history-more">
          {t('history_more')}
        </Button>
      )}
    </section>
  );
}
