import { Button, Divider, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, HistoryRegular, SendRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { validateReturn, type Issue, type Receipt, type ReturnInput, type ReturnResponse, type ReturnVersion, type TemplateLayout, type TemplateModel, type ValidationResult } from '@zj/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { NetworkError } from '../api/api-errors.js';
import type { UserAction } from '../api/user-message.js';
import { DraftNote, type DraftState } from '../components/DraftNote.js';
import { IssueList, groupIssues } from '../components/IssueList.js';
import { ReceiptCard } from '../components/ReceiptCard.js';
import { SubmissionView } from '../components/SubmissionView.js';
import { useUi } from '../components/ui-context.js';
import { useFieldInfo } from '../components/use-field-info.js';
import { VersionHistory } from '../components/VersionHistory.js';
import type { ExcelPort } from '../excel/excel-port.js';
import type { Operation } from './use-operation.js';

const useStyles = makeStyles({
  actions: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A fresh key per submission attempt; a retry of the same figures reuses it (see submit). */
function newIdempotencyKey(): string {
  return `addin-${crypto.randomUUID()}`;
}

/**
 * The statistician's day: 获取模板 writes the template into the sheet, 校验 reads the sheet,
 * validates it, marks the cells and lists the issues, and keeps the figures as the server draft
 * (best effort: the sheet is the draft that matters); warnings get their explanations (written
 * into the sheet), 提交 re-validates in code (Excel's own validation is bypassed by paste) and
 * submits, 历史版本 lists what was submitted.
 */
export function StatisticianView(props: {
  api: ApiClient;
  excel: ExcelPort;
  park: string;
  period: string;
  op: Operation;
  registerAction(action: UserAction, handler: () => void): void;
}) {
  const { api, excel, park, period, op } = props;
  const { t, lang } = useUi();
  const styles = useStyles();
  const [template, setTemplate] = useState<TemplateModel | null>(null);
  const [layout, setLayout] = useState<TemplateLayout | null>(null);
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [refused, setRefused] = useState<Issue[] | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const dirty = useRef(new Set<string>());
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [history, setHistory] = useState<ReturnResponse | null>(null);
  const [opened, setOpened] = useState<ReturnVersion | null>(null);
  const pendingSubmit = useRef<{ json: string; key: string } | null>(null);
  const [draft, setDraft] = useState<DraftState | null>(null);

  // A new park or period starts over (the sheet keeps its own draft).
  useEffect(() => {
    setTemplate(null);
    setLayout(null);
    setResult(null);
    setRefused(null);
    setReceipt(null);
    setHistory(null);
    setOpened(null);
    setExplanations({});
    setDraft(null);
  }, [park, period]);

  const fields = useFieldInfo(template);

  const loadTemplate = useCallback(async (): Promise<TemplateModel> => {
    if (template && template.park === park && template.period === period) return template;
    const fresh = await api.template(park, period);
    setTemplate(fresh);
    return fresh;
  }, [api, template, park, period]);

  const getTemplate = useCallback(
    () =>
      op.run('progress_template_fetch', async (progress) => {
        const fresh = await api.template(park, period);
        setTemplate(fresh);
        progress('progress_template_write', 0);
        const written = await excel.writeTemplate(fresh, lang, (done, total) => progress('progress_template_write', done / total));
        setLayout(written.layout);
        setResult(null);
        setRefused(null);
        const params = { sheet: written.layout.sheetName, rows: fresh.fields.length, kept: written.keptDrafts, other: written.leftAlone?.sheet ?? '' };
        const key = written.leftAlone
          ? written.leftAlone.reason === 'unprotected'
            ? 'template_beside_unprotected'
            : 'template_beside_own'
          : written.keptDrafts > 0
            ? 'template_written_kept'
            : 'template_written';
        op.notify(written.leftAlone ? 'warning' : 'success', t(key, params));
      }),
    [api, excel, lang, op, park, period, t],
  );

  /** Writes explanations typed in the pane into the sheet's 说明 column (the draft). */
  const flushExplanations = useCallback(
    async (current: TemplateLayout, texts: Record<string, string>) => {
      for (const key of [...dirty.current]) {
        if (key.startsWith('field:')) await excel.writeExplanation(current, key.slice('field:'.length), texts[key] ?? '');
        dirty.current.delete(key);
      }
    },
    [excel],
  );

  /** Reads the sheet and validates it here, with the shared rules, and marks the sheet. */
  const checkSheet = useCallback(
    async (progress: (label: 'progress_read' | 'progress_validate') => void): Promise<{ input: ReturnInput; result: ValidationResult; layout: TemplateLayout; template: TemplateModel }> => {
      const tpl = await loadTemplate();
      if (layout) await flushExplanations(layout, explanations);
      progress('progress_read');
      const read = await excel.readReturn(tpl);
      // Explanations of rows not written to the sheet (no row) are kept from the pane.
      const extra = Object.fromEntries(Object.entries(explanations).filter(([k, v]) => !k.startsWith('field:') && v.trim() !== ''));
      const input: ReturnInput = { ...read.input, explanations: { ...read.input.explanations, ...extra } };
      progress('progress_validate');
      const checked = validateReturn(tpl, input);
      setLayout(read.layout);
      setResult(checked);
      setRefused(null);
      setExplanations((before) => ({ ...before, ...input.explanations }));
      await excel.highlightIssues(read.layout, checked.issues);
      return { input, result: checked, layout: read.layout, template: tpl };
    },
    [excel, explanations, flushExplanations, layout, loadTemplate],
  );

  /** The figures as the server draft (草稿), whatever they hold. A failure is only noted: never thrown. */
  const saveDraft = useCallback(
    async (input: ReturnInput): Promise<DraftState> => {
      try {
        return { kind: 'saved', savedAt: (await api.saveDraft(park, period, input)).savedAt };
      } catch (error) {
        console.warn('[zj] draft not saved', error);
        return { kind: 'not_saved' };
      }
    },
    [api, park, period],
  );

  const validate = useCallback(
    () =>
      op.run('progress_read', async (progress) => {
        const { input, result: checked } = await checkSheet(progress);
        const summary =
          checked.issues.length === 0
            ? t('validation_clean')
            : t('validation_summary', { errors: checked.errorCount, warnings: checked.warningCount, unexplained: checked.unexplained.length });
        // The server has the last word on the template version and the period lock.
        try {
          const server = await api.validate(park, period, input);
          if (server.stale) return op.notify('warning', t('validation_stale'), ['get_template']);
          if (server.locked) return op.notify('warning', `${summary} ${t('validation_locked')}`);
        } catch (error) {
          if (error instanceof NetworkError) return op.notify('info', `${summary} ${t('validation_offline')}`);
          throw error;
        }
        // Inside the operation, so a submission queued behind it is always the newer record.
        progress('progress_draft');
        setDraft(await saveDraft(input));
        op.notify(checked.errorCount > 0 ? 'error' : checked.unexplained.length > 0 ? 'warning' : 'success', summary);
      }),
    [api, checkSheet, op, park, period, saveDraft, t],
  );

  const refreshHistory = useCallback(async () => {
    setHistory(await api.getReturn(park, period));
  }, [api, park, period]);

  const submit = useCallback(
    () =>
      op.run(
        'progress_read',
        async (progress) => {
          const { input, result: checked } = await checkSheet(progress);
          if (checked.errorCount > 0) return op.notify('error', t('submit_blocked_errors', { errors: checked.errorCount }));
          if (checked.unexplained.length > 0) return op.notify('warning', t('submit_blocked_unexplained', { unexplained: checked.unexplained.length }));
          progress('progress_submit');
          // Retrying the same figures after a dropped connection must not store a second version.
          const json = JSON.stringify(input);
          if (pendingSubmit.current?.json !== json) pendingSubmit.current = { json, key: newIdempotencyKey() };
          const stored = await api.submit(park, period, input, pendingSubmit.current.key);
          pendingSubmit.current = null;
          setReceipt(stored);
          op.notify('success', `${t('receipt_title')} · ${t('receipt_version', { version: stored.version })}`);
          await refreshHistory().catch(() => undefined);
        },
        (message) => {
          if (message.issues) setRefused(message.issues);
        },
      ),
    [api, checkSheet, op, park, period, refreshHistory, t],
  );

  const showHistory = useCallback(
    () =>
      op.run('progress_load', async () => {
        await loadTemplate();
        await refreshHistory();
      }),
    [loadTemplate, op, refreshHistory],
  );

  const openVersion = useCallback(
    (version: number) =>
      op.run('progress_load', async () => {
        setOpened(await api.getVersion(park, period, version));
      }),
    [api, op, park, period],
  );

  useEffect(() => {
    props.registerAction('get_template', () => void getTemplate());
  }, [getTemplate, props]);

  const selectIssue = useCallback(
    (issue: Issue) => {
      if (!layout) return;
      excel.selectCell(layout, issue.path).catch(() => undefined);
    },
    [excel, layout],
  );

  // The latest texts, for saves that run after a pause in typing.
  const texts = useRef(explanations);
  texts.current = explanations;
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const commitExplanation = useCallback(
    (key: string) => {
      clearTimeout(timers.current.get(key));
      if (!layout || !dirty.current.has(key) || !key.startsWith('field:')) return;
      dirty.current.delete(key);
      // A failed save stays dirty: the next validate or submit writes it before reading the sheet.
      excel.writeExplanation(layout, key.slice('field:'.length), texts.current[key] ?? '').catch(() => dirty.current.add(key));
    },
    [excel, layout],
  );
  const EXPLANATION_SAVE_DELAY_MS = 1200;

  const shown = refused ?? result?.issues ?? null;
  const labelOf = (key: string) => fields.get(key)?.label ?? null;
  const busy = op.busy !== null;
  return (
    <div className={styles.section}>
      <div className={styles.actions}>
        <Button appearance={layout ? 'secondary' : 'primary'} icon={<DocumentTableRegular />} disabled={busy || !excel.available()} onClick={getTemplate} data-testid="get-template">
          {t('get_template')}
        </Button>
        <Button icon={<TaskListSquareLtrRegular />} disabled={busy || !excel.available()} onClick={validate} data-testid="validate">
          {t('validate')}
        </Button>
        <Button appearance={layout ? 'primary' : 'secondary'} icon={<SendRegular />} disabled={busy || !excel.available()} onClick={submit} data-testid="submit">
          {t('submit')}
        </Button>
        <Button icon={<HistoryRegular />} disabled={busy} onClick={showHistory} data-testid="history-button">
          {t('history')}
        </Button>
      </div>
      {draft && <DraftNote state={draft} />}
      {receipt && <ReceiptCard receipt={receipt} />}
      {shown && shown.length > 0 && (
        <IssueList
          groups={groupIssues(shown, labelOf)}
          explanations={explanations}
          onSelect={selectIssue}
          onExplanationChange={(key, text) => {
            dirty.current.add(key);
            setExplanations((before) => ({ ...before, [key]: text }));
            clearTimeout(timers.current.get(key));
            timers.current.set(key, setTimeout(() => commitExplanation(key), EXPLANATION_SAVE_DELAY_MS));
          }}
          onExplanationCommit={commitExplanation}
        />
      )}
      {history && (
        <>
          <Divider />
          <VersionHistory history={history} onOpen={openVersion} />
        </>
      )}
      {opened && <SubmissionView version={opened} fields={fields} />}
    </div>
  );
}
