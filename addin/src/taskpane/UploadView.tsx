import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, DocumentArrowUpRegular, HistoryRegular, SendRegular } from '@fluentui/react-icons';
import type { Receipt, TemplateModel } from '@zj/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { IssueList, groupIssues } from '../components/IssueList.js';
import { presentIssues, remainingWork, type ShownIssue } from '../components/present-issues.js';
import { ReceiptCard } from '../components/ReceiptCard.js';
import { useUi } from '../components/ui-context.js';
import { useFieldInfo } from '../components/use-field-info.js';
import { remainingList } from '../components/ValidationSummary.js';
import { say } from '../i18n/translate.js';
import { issueLabeller, sortByRow } from './issue-labels.js';
import { saveFile } from './save-file.js';
import { ReturnHistory, useReturnHistory } from './use-return-history.js';
import type { Operation } from './use-operation.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  wide: { gridColumn: '1 / -1' },
  chosen: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
});

/** What a sheet saved by Excel, WPS or LibreOffice may be called; the server says what it cannot read. */
const ACCEPT = '.xlsx,.xls,.ods,.et,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The statistician's day where the add-in does not run (WPS, a browser outside Excel): download
 * the template (.xlsx), fill it anywhere, upload it (报送). The answer lists each problem by
 * row and indicator; warnings get their explanation (说明) here and the same file goes again;
 * then the receipt (报送回执) and the history (历史版本).
 */
export function UploadView(props: { api: ApiClient; park: string; parkName: string; period: string; op: Operation }) {
  const { api, park, period, op } = props;
  const { t, lang } = useUi();
  const styles = useStyles();
  const [template, setTemplate] = useState<TemplateModel | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<ShownIssue[] | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const attempt = useRef<{ what: string; key: string } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: park and period are what the state is reset for, not what the effect reads.
  useEffect(() => {
    setTemplate(null);
    setFile(null);
    setRefused(null);
    setExplanations({});
    setReceipt(null);
  }, [park, period]);

  const fields = useFieldInfo(template);
  const templateRef = useRef(template);
  templateRef.current = template;

  const loadTemplate = useCallback(async (): Promise<TemplateModel> => {
    if (template && template.park === park && template.period === period) return template;
    const fresh = await api.template(park, period);
    templateRef.current = fresh;
    setTemplate(fresh);
    return fresh;
  }, [api, template, park, period]);
  const history = useReturnHistory({ api, park, period, op, loadTemplate });

  const download = () =>
    op.run('progress_download', async () => {
      const bytes = await api.templateWorkbook(park, period);
      const name = lang === 'zh' ? `${props.parkName}-${period}-填报表.xlsx` : `${props.parkName}-${period}-return.xlsx`.replace(/\s+/g, '-');
      saveFile(bytes, name);
      op.notify('success', say('template_downloaded', { file: name }));
    });

  const upload = () =>
    op.run(
      'progress_upload',
      async () => {
        if (!file) return;
        await loadTemplate();
        const sent = Object.fromEntries(Object.entries(explanations).filter(([, v]) => v.trim() !== ''));
        // A retry of the same file and explanations after a dropped connection stores one version.
        const what = JSON.stringify([file.name, file.size, file.lastModified, sent]);
        if (attempt.current?.what !== what) attempt.current = { what, key: `upload-${crypto.randomUUID()}` };
        const stored = await api.uploadReturn(park, period, file, sent, attempt.current.key);
        attempt.current = null;
        setRefused(null);
        // Submitted: the same file is not sent a second time by a second click.
        setFile(null);
        setReceipt(stored);
        op.notify('success', { all: [say('receipt_title'), { text: { zh: ' · ', en: ' · ' } }, say('receipt_version', { version: stored.version })] });
        await history.refresh().catch(() => undefined);
      },
      {
        dataIn: 'file',
        onError: (message) => {
          if (!message.issues) return;
          const shown = templateRef.current ? presentIssues(templateRef.current, message.issues) : message.issues;
          setRefused(shown);
          const returnIssues = shown.some((i) => /^(figures|baselines)\./.test(i.path));
          if (!returnIssues) return; // a file that cannot be read: the server's own message says why
          const left = remainingWork(shown, explanations);
          const key = left.unfilled + left.errors > 0 ? 'upload_fix_errors' : 'upload_explain';
          op.notify(key === 'upload_fix_errors' ? 'error' : 'warning', say(key, { list: remainingList(left) }));
        },
      },
    );

  const labelOf = useMemo(() => issueLabeller(template, t, lang), [template, t, lang]);
  const left = refused ? remainingWork(refused, explanations) : null;
  const onlyWarnings = left !== null && left.unfilled + left.errors === 0 && refused!.every((i) => /^(figures|baselines)\./.test(i.path));
  const busy = op.busy !== null;
  return (
    <div className={styles.section} data-testid="upload-view">
      <div className={styles.actions}>
        <Button
          className={styles.wide}
          appearance="secondary"
          icon={<ArrowDownloadRegular />}
          disabled={busy}
          onClick={download}
          data-testid="download-template"
        >
          {t('download_template')}
        </Button>
        <Button icon={<DocumentArrowUpRegular />} disabled={busy} onClick={() => input.current?.click()} data-testid="choose-file">
          {t('upload_choose')}
        </Button>
        <Button
          appearance={onlyWarnings ? 'secondary' : 'primary'}
          icon={<ArrowUploadRegular />}
          disabled={busy || !file}
          onClick={upload}
          data-testid="upload"
        >
          {t('upload_submit')}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept={ACCEPT}
          data-testid="file"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setReceipt(null);
            e.target.value = '';
            if (chosen) void loadTemplate().catch(() => undefined);
          }}
        />
      </div>
      <Caption1 className={styles.chosen} data-testid="chosen-file">
        {file ? t('upload_chosen', { name: file.name }) : t('upload_none_chosen')}
      </Caption1>
      {receipt && <ReceiptCard receipt={receipt} />}
      {/* One problem of the file as a whole is the message above; a list only adds what it cannot say. */}
      {refused && (refused.length > 1 || refused.some((i) => /^(figures|baselines)\./.test(i.path))) && !receipt && (
        <>
          <IssueList
            title={t('upload_refused_title')}
            groups={groupIssues(sortByRow(refused, template), labelOf)}
            explanations={explanations}
            explanationLabel={t('explanation_label_upload')}
            onSelect={() => undefined}
            onExplanationChange={(key, text) => setExplanations((before) => ({ ...before, [key]: text }))}
            onExplanationCommit={() => undefined}
          />
          {onlyWarnings && (
            <Button appearance="primary" icon={<SendRegular />} disabled={busy || !file || left.unexplained > 0} onClick={upload} data-testid="resubmit">
              {t('upload_resubmit')}
            </Button>
          )}
        </>
      )}
      <Button icon={<HistoryRegular />} disabled={busy} onClick={history.show} data-testid="history-button">
        {t('history')}
      </Button>
      <ReturnHistory history={history.history} opened={history.opened} fields={fields} onOpen={history.open} onMore={history.more} busy={busy} />
    </div>
  );
}
