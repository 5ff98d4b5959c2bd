import { Button, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, OpenRegular, TableAddRegular } from '@fluentui/react-icons';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground3 },
});

export type DownloadMode = 'new_workbook' | 'insert_sheets' | 'download';

/**
 * One workbook to fetch. In Excel: open it as a new workbook, or insert its sheets where Excel
 * allows (not where that would drop its charts: Excel on the web); in a browser: download it.
 */
export function DownloadCard(props: {
  title: string;
  inExcel: boolean;
  canInsert: boolean;
  /** Shown when insertion is not offered because it would drop the workbook's charts. */
  insertNote?: string;
  busy: boolean;
  onOpen(mode: DownloadMode): void;
  testId: string;
}) {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <Card data-testid={props.testId}>
      <Text weight="semibold">{props.title}</Text>
      <div className={styles.buttons}>
        {props.inExcel ? (
          <>
            <Button icon={<OpenRegular />} disabled={props.busy} onClick={() => props.onOpen('new_workbook')}>
              {t('open_new_workbook')}
            </Button>
            {props.canInsert && (
              <Button icon={<TableAddRegular />} disabled={props.busy} onClick={() => props.onOpen('insert_sheets')}>
                {t('insert_sheets')}
              </Button>
            )}
          </>
        ) : (
          <Button icon={<ArrowDownloadRegular />} disabled={props.busy} onClick={() => props.onOpen('download')} data-testid={`${props.testId}-download`}>
            {t('download_xlsx')}
          </Button>
        )}
      </div>
      {props.inExcel && props.insertNote && <Caption1 className={styles.note}>{props.insertNote}</Caption1>}
    </Card>
  );
}
