import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { ParkStatus } from '@zj/shared';
import { formatTime } from './format-time.js';
import { StateBadge } from './StateBadge.js';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  park: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, height: 'auto', paddingLeft: 0, paddingRight: 0 },
});

/** 填报状态: each park's state for the period; a park opens its latest submission. */
export function StatusTable(props: { rows: ParkStatus[]; parkName(code: string): string; onOpen(park: string): void }) {
  const styles = useStyles();
  const { t, lang } = useUi();
  return (
    <Table size="extra-small" aria-label={t('status_title')} data-testid="status-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('park')}</TableHeaderCell>
          <TableHeaderCell>{t('state')}</TableHeaderCell>
          <TableHeaderCell>{t('status_submitted_at')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((r) => (
          <TableRow key={r.park}>
            <TableCell>
              {r.latestVersion === null ? (
                props.parkName(r.park)
              ) : (
                <Button className={styles.park} appearance="transparent" size="small" onClick={() => props.onOpen(r.park)}>
                  {props.parkName(r.park)}
                </Button>
              )}
            </TableCell>
            <TableCell>
              <StateBadge state={r.state} />
            </TableCell>
            <TableCell>{r.submittedAt ? formatTime(r.submittedAt, lang) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
