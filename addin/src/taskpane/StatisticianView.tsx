import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, HistoryRegular, SendRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { issueKey, validateReturn, type Issue, type Receipt, type ReturnInput, type TemplateLayout, type TemplateModel } from '@zj/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { NetworkError } from '../api/api-errors.js';
import type { UserAction } from '../api/user-message.js';
import { DraftNote, type DraftState } from '../components/DraftNote.js';
import { IssueList, groupIssues, type ExplanationState } from '../components/IssueList.js';
import { isBlankReturn, presentIssues, remainingWork, type ShownIssue } from '../components/present-issues.js';
import { ReceiptCard } from '../components/ReceiptCard.js';
import { useUi } from '../components/ui-context.js';
import { useFieldInfo } from '../components/use-field-info.js';
import { ValidationSummary, remainingList } from '../components/ValidationSummary.js';
import type { ExcelPort } from '../excel/excel-port.js';
import { say, type MessageKey } from '../i18n/translate.js';
import { issueLabeller, sortByRow } from './issue-labels.js';
import type { Operation } from './use-operation.js';
import { ReturnHistory, useReturnHistory } from './use-return-history.js';

const useStyles = makeStyles({
  actions: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A fresh key per submission attempt; a retry of the same figures reuses it (see submit). */
function newIdempotencyKey(): string {
  return `addin-${crypto.randomUUID()}`;
}

/** Pause in typing after which an explanation is written into the sheet. */
const EXPLANATION_SAVE_DELAY_MS = 1200;

/** The latest validation as the pane shows it. */
type Checked = { kind: 'empty' } | { kind: 'issues'; shown: ShownIssue[] };

/**
 * The statistician's day in Excel: 获取模板 writes the template into the sheet, 校验 reads the
 * sheet, validates it, marks the cells and lists the issues, and keeps the figures as the server
 * draft (best effort: the sheet is the draft that matters); one line says what is left, kept up
 * to date as explanations are written; each explanation says whether it reached the sheet;
 * 提交 re-validates in code (Excel's own validation is bypassed by paste) and submits; 历史版本
 * lists what was submitted.
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
  const [checked, setChecked] = useState<Checked | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, ExplanationState>>({});
  const dirty = useRef(new Set<string>());
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const pendingSubmit = useRef<{ json: string; key: string } | null>(null);
  const [draft, setDraft] = useState<DraftState | null>(null);

  // A new park or period starts over (the sheet keeps its own draft).
  // biome-ignore lint/correctness/useExhaustiveDependencies: park and period are what the state is reset for, not what the effect reads.
  useEffect(() => {
    setTemplate(null);
    setLayout(null);
    setChecked(null);
    setReceipt(null);
    setExplanations({});
    setSaved({});
    setDraft(null);
  }, [park, period]);

  const fields = useFieldInfo(template);

  const loadTemplate = useCallback(async (): Promise<TemplateModel> => {
    if (template && template.park === park && template.period === period) return template;
    const fresh = await api.template(park, period);
    setTemplate(fresh);
    return fresh;
  }, [api, template, park, period]);
  const history = useReturnHistory({ api, park, period, op, loadTemplate });

  const getTemplate = useCallback(
    () =>
      op.run(
        'progress_template_fetch',
        async (progress) => {
          const fresh = await api.template(park, period);
          setTemplate(fresh);
          progress('progress_template_write', 0);
          const written = await excel.writeTemplate(fresh, lang, (done, total) => progress('progress_template_write', done / total));
          setLayout(written.layout);
          setChecked(null);
          const params = { sheet: written.layout.sheetName, rows: fresh.fields.length, kept: written.keptDrafts, other: written.leftAlone?.sheet ?? '' };
          const key: MessageKey = written.leftAlone
            ? written.leftAlone.reason === 'unprotected'
              ? 'template_beside_unprotected'
              : 'template_beside_own'
            : written.keptDrafts > 0
              ? 'template_written_kept'
              : 'template_written';
          op.notify(written.leftAlone ? 'warning' : 'success', say(key, params));
        },
        { dataIn: 'sheet' },
      ),
    [api, excel, lang, op, park, period],
  );

  /** Writes an explanation typed in the pane into the row's 说明 cell, and says whether it got there. */
  const writeExplanation = useCallback(
    async (current: TemplateLayout, key: string, text: string): Promise<void> => {
      dirty.current.delete(key);
      setSaved((s) => ({ ...s, [key]: 'saving' }));
      try {
        await excel.writeExplanation(current, key.slice('field:'.length), text);
        setSaved((s) => ({ ...s, [key]: 'saved' }));
      } catch (error) {
        // Stays dirty: the next validate or submit writes it before reading the sheet.
        dirty.current.add(key);
        setSaved((s) => ({ ...s, [key]: 'not_saved' }));
        throw error;
      }
    },
    [excel],
  );

  /** Writes explanations typed in the pane and not yet in the sheet (the draft). */
  const flushExplanations = useCallback(
    async (current: TemplateLayout, texts: Record<string, string>) => {
      for (const key of [...dirty.current]) {
        if (key.startsWith('field:')) await writeExplanation(current, key, texts[key] ?? '');
        else dirty.current.delete(key);
      }
    },
    [writeExplanation],
  );

  /**
   * Reads the sheet and validates it here, with the shared rules, and marks the sheet. A sheet
   * with nothing typed in it gets no wall of red: its earlier marks are cleared and it says so.
   */
  const checkSheet = useCallback(
    async (
      progress: (label: 'progress_read' | 'progress_validate') => void,
    ): Promise<{ input: ReturnInput; blank: boolean; shown: ShownIssue[]; acceptable: boolean }> => {
      const tpl = await loadTemplate();
      if (layout) await flushExplanations(layout, explanations);
      progress('progress_read');
      const read = await excel.readReturn(tpl);
      // Explanations of issues without a row (the return as a whole) are kept from the pane, for
      // the issues the figures still raise: one whose warning went away would be refused as unmatched.
      const raised = new Set(validateReturn(tpl, read.input).issues.map(issueKey));
      const extra = Object.fromEntries(Object.entries(explanations).filter(([k, v]) => !k.startsWith('field:') && v.trim() !== '' && raised.has(k)));
      const input: ReturnInput = { ...read.input, explanations: { ...read.input.explanations, ...extra } };
      setLayout(read.layout);
      setExplanations((before) => ({ ...before, ...input.explanations }));
      if (isBlankReturn(read.input)) {
        setChecked({ kind: 'empty' });
        await excel.highlightIssues(read.layout, []);
        return { input, blank: true, shown: [], acceptable: false };
      }
      progress('progress_validate');
      const result = validateReturn(tpl, input);
      const shown = presentIssues(tpl, result.issues);
      setChecked({ kind: 'issues', shown });
      await excel.highlightIssues(read.layout, shown);
      return { input, blank: false, shown, acceptable: result.acceptable };
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
      op.run(
        'progress_read',
        async (progress) => {
          const { input, blank } = await checkSheet(progress);
          // Nothing typed: nothing to ask the server, and no empty draft that would show the park as 草稿.
          if (blank) return;
          // The server has the last word on the template version and the period lock.
          try {
            const server = await api.validate(park, period, input);
            if (server.stale) return op.notify('warning', say('validation_stale'), ['get_template']);
            if (server.locked) op.notify('warning', say('validation_locked'));
          } catch (error) {
            if (error instanceof NetworkError) return op.notify('info', say('validation_offline'));
            throw error;
          }
          // Inside the operation, so a submission queued behind it is always the newer record.
          progress('progress_draft');
          setDraft(await saveDraft(input));
        },
        { dataIn: 'sheet' },
      ),
    [api, checkSheet, op, park, period, saveDraft],
  );

  const submit = useCallback(
    () =>
      op.run(
        'progress_read',
        async (progress) => {
          const { input, blank, shown, acceptable } = await checkSheet(progress);
          if (blank) return;
          if (!acceptable) return op.notify('error', say('summary_left', { list: remainingList(remainingWork(shown, input.explanations ?? {})) }));
          progress('progress_submit');
          // Retrying the same figures after a dropped connection must not store a second version.
          const json = JSON.stringify(input);
          if (pendingSubmit.current?.json !== json) pendingSubmit.current = { json, key: newIdempotencyKey() };
          const stored = await api.submit(park, period, input, pendingSubmit.current.key);
          pendingSubmit.current = null;
          setReceipt(stored);
          op.notify('success', { all: [say('receipt_title'), { text: { zh: ' · ', en: ' · ' } }, say('receipt_version', { version: stored.version })] });
          await history.refresh().catch(() => undefined);
        },
        {
          dataIn: 'sheet',
          onError: (message) => {
            if (template && message.issues) setChecked({ kind: 'issues', shown: presentIssues(template, message.issues) });
          },
        },
      ),
    [api, checkSheet, op, park, period, history.refresh, template],
  );

  useEffect(() => {
    props.registerAction('get_template', () => void getTemplate());
    props.registerAction('first_template', () => void getTemplate());
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
      writeExplanation(layout, key, texts.current[key] ?? '').catch(() => undefined);
    },
    [layout, writeExplanation],
  );

  const labelOf = useMemo(() => issueLabeller(template, t, lang), [template, t, lang]);
  const left = checked === null ? null : checked.kind === 'empty' ? ('empty' as const) : remainingWork(checked.shown, explanations);
  const shown = checked?.kind === 'issues' ? checked.shown : [];
  const busy = op.busy !== null;
  return (
    <div className={styles.section}>
      <div className={styles.actions}>
        <Button appearance={layout ? 'secondary' : 'primary'} icon={<DocumentTableRegular />} disabled={busy} onClick={getTemplate} data-testid="get-template">
          {t('get_template')}
        </Button>
        <Button icon={<TaskListSquareLtrRegular />} disabled={busy} onClick={validate} data-testid="validate">
          {t('validate')}
        </Button>
        <Button appearance={layout ? 'primary' : 'secondary'} icon={<SendRegular />} disabled={busy} onClick={submit} data-testid="submit">
          {t('submit')}
        </Button>
        <Button icon={<HistoryRegular />} disabled={busy} onClick={history.show} data-testid="history-button">
          {t('history')}
        </Button>
      </div>
      {left !== null && !receipt && <ValidationSummary left={left} />}
      {draft && !receipt && <DraftNote state={draft} />}
      {receipt && <ReceiptCard receipt={receipt} />}
      {shown.length > 0 && !receipt && (
        <IssueList
          groups={groupIssues(sortByRow(shown, template), labelOf)}
          explanations={explanations}
          explanationState={saved}
          onSelect={selectIssue}
          onExplanationChange={(key, text) => {
            dirty.current.add(key);
            setExplanations((before) => ({ ...before, [key]: text }));
            setSaved((s) => {
              const { [key]: _, ...rest } = s;
              return rest;
            });
            clearTimeout(timers.current.get(key));
            timers.current.set(
              key,
              setTimeout(() => commitExplanation(key), EXPLANATION_SAVE_DELAY_MS),
            );
          }}
          onExplanationCommit={commitExplanation}
        />
      )}
      <ReturnHistory history={history.history} opened={history.opened} fields={fields} onOpen={history.open} onMore={history.more} busy={busy} />
    </div>
  );
}
