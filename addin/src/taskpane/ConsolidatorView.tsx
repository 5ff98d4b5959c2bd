import { Badge, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, BuildingMultipleRegular, LockClosedRegular, LockOpenRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { StatusResponse } from '@zj/shared';
import type { ApiClient } from '../api/api-client.js';
import { DownloadCard, type DownloadMode } from '../components/DownloadCard.js';
import { StatusTable } from '../components/StatusTable.js';
import { useUi } from '../components/ui-context.js';
import type { ExcelPort } from '../excel/excel-port.js';
import { OnboardingView } from './OnboardingView.js';
import { ReviewerView } from './ReviewerView.js';
import { say } from '../i18n/translate.js';
import { periodLabel } from './period-options.js';
import { saveFile } from './save-file.js';
import type { Operation } from './use-operation.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The zone consolidator (张江管委会): 填报状态 of every park, locking the period, and the
 * consolidated and evaluation workbooks opened in Excel, or downloaded in a browser, and
 * onboarding a park from its plan (OnboardingView), opened on demand: the review is long and the
 * pane narrow.
 */
export function ConsolidatorView(props: {
  api: ApiClient;
  excel: ExcelPort;
  period: string;
  parkName(code: string): string;
  op: Operation;
  storage: Storage | null;
  onCatalogueChanged(): void;
}) {
  const { api, excel, period, op } = props;
  const { t } = useUi();
  const styles = useStyles();
  const [status, setStatus] = useState<StatusResponse | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [onboarding, setOnboarding] = useState(() => props.storage?.getItem('zj.onboarding') != null);
  const year = Number(period.slice(0, 4));

  const refresh = useCallback(
    () =>
      op.run('progress_load', async () => {
        setStatus(await api.status(period));
      }),
    [api, op, period],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per period: `refresh` changes with the language too, which must not reload.
  useEffect(() => {
    setStatus(null);
    setOpened(null);
    void refresh();
  }, [period]);

  const setLock = (locked: boolean) =>
    op.run('progress_submit', async () => {
      await api.setLock(period, locked);
      setStatus(await api.status(period));
      op.notify('success', say(locked ? 'period_locked_notice' : 'period_unlocked_notice', { period: periodLabel(period) }));
    });

  const fileName = (which: 'consolidation' | 'evaluation') =>
    which === 'consolidation' ? `${t('download_consolidation', { period })}.xlsx` : `${t('download_evaluation', { year })}.xlsx`;

  const open = (which: 'consolidation' | 'evaluation', mode: DownloadMode) =>
    op.run('progress_download', async (progress) => {
      const bytes = which === 'consolidation' ? await api.consolidationWorkbook(period) : await api.evaluationWorkbook(year);
      if (mode === 'download') {
        saveFile(bytes, fileName(which));
        return op.notify('success', say('downloaded', { file: fileName(which) }));
      }
      progress('progress_open');
      // The evaluation workbook has charts (Excel on the web would drop them on insertion).
      const done = await excel.openWorkbook(toBase64(bytes), mode, { hasCharts: which === 'evaluation' });
      op.notify('success', say(done === 'insert_sheets' ? 'opened_inserted' : 'opened_new'));
    });

  const inExcel = excel.available();
  return (
    <div className={styles.root}>
      <section className={styles.root} aria-labelledby="status-title">
        <div className={styles.head}>
          <Subtitle2 as="h2" id="status-title">
            {t('status_title')}
          </Subtitle2>
          <Button size="small" appearance="subtle" icon={<ArrowSyncRegular />} onClick={refresh} disabled={op.busy !== null}>
            {t('status_refresh')}
          </Button>
          {status?.locked && (
            <Badge appearance="tint" color="informative" icon={<LockClosedRegular />} data-testid="period-locked">
              {t('locked')}
            </Badge>
          )}
          {status && (
            <Button
              size="small"
              icon={status.locked ? <LockOpenRegular /> : <LockClosedRegular />}
              onClick={() => setLock(!status.locked)}
              disabled={op.busy !== null}
            >
              {t(status.locked ? 'unlock_period' : 'lock_period')}
            </Button>
          )}
        </div>
        {status && <StatusTable rows={status.parks} parkName={props.parkName} onOpen={setOpened} />}
      </section>
      <section className={styles.root} aria-labelledby="downloads-title">
        <Subtitle2 as="h2" id="downloads-title">
          {t('downloads_title')}
        </Subtitle2>
        <DownloadCard
          testId="download-consolidation"
          title={t('download_consolidation', { period })}
          inExcel={inExcel}
          canInsert={inExcel && excel.canInsertSheets(false)}
          busy={op.busy !== null}
          onOpen={(mode) => open('consolidation', mode)}
        />
        <DownloadCard
          testId="download-evaluation"
          title={t('download_evaluation', { year })}
          inExcel={inExcel}
          canInsert={inExcel && excel.canInsertSheets(true)}
          {...(inExcel && excel.canInsertSheets(false) && !excel.canInsertSheets(true) ? { insertNote: t('insert_drops_charts') } : {})}
          busy={op.busy !== null}
          onOpen={(mode) => open('evaluation', mode)}
        />
      </section>
      <Button
        data-testid="open-onboarding"
        appearance={onboarding ? 'primary' : 'secondary'}
        icon={<BuildingMultipleRegular />}
        onClick={() => setOnboarding(!onboarding)}
      >
        {t('onboard_title')}
      </Button>
      {onboarding && (
        <OnboardingView
          api={api}
          op={op}
          storage={props.storage}
          onPublished={() => {
            props.onCatalogueChanged();
            void api.status(period).then(setStatus, () => undefined);
          }}
        />
      )}
      {opened && <ReviewerView api={api} park={opened} parkName={props.parkName(opened)} period={period} op={op} readOnly />}
    </div>
  );
}
