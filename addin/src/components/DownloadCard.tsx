import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, TableAddRegular } from '@fluentui/react-icons';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** One downloadable workbook: open it as a new workbook, or insert its sheets where Excel allows. */
export function DownloadCard(props: { title: string; canInsert: boolean; busy: boolean; onOpen(mode: 'new_workbook' | 'insert_sheets'): void; testId: string }) {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <Card data-testid={props.testId}>
      <Text weight="semibold">{props.title}</Text>
      <div className={styles.buttons}>
        <Button icon={<ArrowDownloadRegular />} disabled={props.busy} onClick={() => props.onOpen('new_workbook')}>
          {t('open_new_workbook')}
        </Button>
        {props.canInsert && (
          <Button icon={<TableAddRegular />} disabled={props.busy} onClick={() => props.onOpen('insert_sheets')}>
            {t('insert_sheets')}
          </Button>
        )}
      </div>
    </Card>
  );
}
