import { Button, Checkbox, Field, Input, Select, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, CheckmarkRegular, DismissRegular, DocumentArrowUpRegular, SaveRegular, SendRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { findUnit, type Catalogue, type Indicator, type NewIndicator, type OnboardingItem, type OnboardingReview } from '@zj/shared';
import type { CatalogueHistory, OnboardingDraft } from '@zj/shared/api';
import type { ApiClient } from '../api/api-client.js';
import { formatTime } from '../components/format-time.js';
import { useUi } from '../components/ui-context.js';
import { say } from '../i18n/translate.js';
import type { Operation } from './use-operation.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  // Fields side by side share the 320 px pane: an input's own default width must not push it wider.
  half: {
    flex: '1 1 120px',
    minWidth: 0,
    '& .fui-Input': { minWidth: 0, width: '100%' },
    '& .fui-Input__input': { minWidth: 0, width: '100%' },
    // A select's own width must not spill over the field beside it (and its validation message).
    '& .fui-Select': { minWidth: 0, width: '100%' },
    '& select': { minWidth: 0, width: '100%' },
  },
  fileName: { overflowWrap: 'anywhere' },
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' } },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  accepted: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorder2}` },
  rejected: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}`, opacity: 0.7 },
  pending: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  quote: { backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusSmall, wordBreak: 'break-all' },
  apart: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  apartCell: {
    padding: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    wordBreak: 'break-word',
  },
  issue: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const DRAFT_KEY = 'zj.onboarding';
const NEW = '__new__';
const UNITS = ['万元', '亿元', '家', '件', '个', '套', '人', '%', '平方米'];
const CANONICAL_UNITS = ['万元', '家', '件', '个', '套', '人', '%', '平方米'];

/**
 * 新园区导入 (onboarding a park from its plan), for the zone consolidator: the plan's text
 * pasted or read from a .txt file, or the plan as a .docx or a PDF with a text layer (sent as it
 * is: the server reads its text, POST /api/onboarding/file, and says why it cannot), the extractor's proposals reviewed one by one (accept, edit,
 * reject; an existing indicator or a new one; definitions kept apart compared side by side),
 * the plan's title, number, period and draft status, and publishing as a new catalogue version.
 * The review is kept on the server as it goes (a closed pane reopens it), and the audit list of
 * catalogue versions is shown below.
 */
export function OnboardingView(props: { api: ApiClient; op: Operation; storage: Storage | null; onPublished(): void }) {
  const { api, op, storage } = props;
  const { t, lang } = useUi();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  // A .docx or PDF chosen: its bytes go to the server, which reads the text (docs/catalogue.md).
  const [planFile, setPlanFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [draft, setDraft] = useState<OnboardingDraft | null>(null);
  const [review, setReview] = useState<OnboardingReview | null>(null);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [history, setHistory] = useState<CatalogueHistory | null>(null);
  const [reason, setReason] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const loadReference = useCallback(async () => {
    const [c, h] = await Promise.all([api.call('getCatalogue', {}), api.call('getCatalogueHistory', {})]);
    setCatalogue(c);
    setHistory(h);
  }, [api]);

  const show = (next: OnboardingDraft | null) => {
    setDraft(next);
    setReview(next ? next.review : null);
    if (next) storage?.setItem(DRAFT_KEY, next.id);
    else storage?.removeItem(DRAFT_KEY);
  };

  // The reference lists, and a review left open in an earlier session.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the screen opens; the handlers it calls change with the language, which must not reload.
  useEffect(() => {
    void op.run('progress_load', async () => {
      await loadReference();
      const open = storage?.getItem(DRAFT_KEY);
      if (open) {
        try {
          show(await api.call('getOnboarding', { params: { draft: open } }));
        } catch {
          storage?.removeItem(DRAFT_KEY); // published or gone
        }
      }
    });
  }, []);

  const readFile = async (file: File) => {
    const bytes = await file.arrayBuffer();
    if (/\.(docx|pdf)$/i.test(file.name)) {
      setPlanFile({ name: file.name, bytes: new Uint8Array(bytes) });
      setFileName(file.name);
      setText('');
      return;
    }
    setPlanFile(null);
    // UTF-8, else GB18030 (the encoding of many Chinese government .txt files).
    let decoded = new TextDecoder('utf-8').decode(bytes);
    if (decoded.includes('\uFFFD')) decoded = new TextDecoder('gb18030').decode(bytes);
    setFileName(file.name);
    setText(decoded);
  };

  const start = () =>
    op.run('onboard_progress_read', async () => {
      if (planFile) {
        show(await api.call('startOnboardingFile', { body: planFile.bytes, headers: { 'x-file-name': encodeURIComponent(planFile.name) } }));
        setPlanFile(null);
        return;
      }
      show(await api.call('startOnboarding', { body: { fileName: fileName || (lang === 'zh' ? '粘贴的方案.txt' : 'pasted-plan.txt'), text } }));
    });

  const save = () =>
    op.run('progress_draft', async () => {
      if (!draft || !review) return;
      show(await api.call('saveOnboarding', { params: { draft: draft.id }, body: review, headers: { 'if-match': draft.etag } }));
      op.notify('success', say('onboard_saved'));
    });

  const publish = () =>
    op.run('progress_submit', async () => {
      if (!draft || !review) return;
      const saved = await api.call('saveOnboarding', { params: { draft: draft.id }, body: review, headers: { 'if-match': draft.etag } });
      show(saved);
      if (saved.issues.length > 0) {
        op.notify('error', say('onboard_not_ready', { count: saved.issues.length }));
        return;
      }
      const result = await api.call('publishOnboarding', {
        params: { draft: draft.id },
        body: { reason: reason.trim() || t('onboard_default_reason', { park: review.plan.name.zh }) },
        headers: { 'if-match': saved.etag },
      });
      show(null);
      setText('');
      setFileName('');
      await loadReference();
      op.notify('success', say('onboard_published', { version: result.version, count: result.targets }));
      props.onPublished();
    });

  const setItem = (i: number, patch: Partial<OnboardingItem>) =>
    setReview((r) => (r ? { ...r, items: r.items.map((it, n) => (n === i ? { ...it, ...patch } : it)) } : r));
  const setPlan = (patch: Partial<OnboardingReview['plan']>) => setReview((r) => (r ? { ...r, plan: { ...r.plan, ...patch } } : r));
  const issuesAt = (prefix: string) => (draft?.issues ?? []).filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
  const indicators = catalogue?.indicators ?? [];
  const byCode = new Map<string, Indicator>(indicators.map((i) => [i.code, i]));
  // A unit by its name in the pane's language (家 → enterprises); its code stays the value sent.
  const unitName = (code: string) => (lang === 'zh' ? code : (findUnit(code)?.name.en ?? code));
  const numberOr = (v: string) => (v.trim() === '' || Number.isNaN(Number(v)) ? null : Number(v));

  const defineNew = (i: number) =>
    setReview((r) => {
      if (!r) return r;
      const item = r.items[i]!;
      const code = `new_indicator_${r.newIndicators.length + 1}`;
      const unit = item.unitCode === '亿元' ? '万元' : (item.unitCode ?? '万元');
      const created: NewIndicator = {
        code,
        name: { zh: item.quote.replace(/(达到|不少于|超过|突破).*$/, '').slice(0, 30), en: '' },
        definition: { zh: '', en: '' },
        unit: CANONICAL_UNITS.includes(unit) ? unit : '万元',
        measure: 'flow',
        consolidation: 'sum',
        hasBaseline: true,
        components: null,
        distinctFrom: [],
      };
      return {
        ...r,
        newIndicators: [...r.newIndicators, created],
        items: r.items.map((it, n) => (n === i ? { ...it, indicator: code, decision: 'accepted' } : it)),
      };
    });
  const setNew = (code: string, patch: Partial<NewIndicator>) =>
    setReview((r) => {
      if (!r) return r;
      const renamed = patch.code !== undefined && patch.code !== code;
      return {
        ...r,
        newIndicators: r.newIndicators.map((n) => (n.code === code ? { ...n, ...patch } : n)),
        items: renamed ? r.items.map((it) => (it.indicator === code ? { ...it, indicator: patch.code! } : it)) : r.items,
      };
    });

  return (
    <section className={styles.root} aria-labelledby="onboard-title" data-testid="onboarding">
      <Subtitle2 as="h2" id="onboard-title">
        {t('onboard_title')}
      </Subtitle2>

      {!draft && (
        <>
          <Text size={200}>{t('onboard_intro')}</Text>
          <div className={styles.row}>
            <input
              ref={fileInput}
              data-testid="onboard-file"
              type="file"
              accept=".docx,.pdf,.txt,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = ''; // the same file chosen again is read again
                if (file) void readFile(file);
              }}
            />
            <Button icon={<DocumentArrowUpRegular />} onClick={() => fileInput.current?.click()}>
              {t('onboard_file')}
            </Button>
            {fileName && (
              <Text size={200} data-testid="onboard-file-name" className={styles.fileName}>
                {planFile ? t('onboard_document', { file: planFile.name, size: formatSize(planFile.bytes.byteLength) }) : fileName}
              </Text>
            )}
          </div>
          <Field label={t('onboard_paste')}>
            <Textarea
              data-testid="onboard-text"
              value={text}
              onChange={(_, d) => {
                setText(d.value);
                if (planFile) {
                  setPlanFile(null); // typing replaces the document chosen
                  setFileName('');
                }
              }}
              rows={6}
              resize="vertical"
            />
          </Field>
          <Button
            data-testid="onboard-start"
            appearance="primary"
            icon={<DocumentArrowUpRegular />}
            disabled={(!planFile && !text.trim()) || op.busy !== null}
            onClick={start}
          >
            {t('onboard_start')}
          </Button>
        </>
      )}

      {draft && review && (
        <>
          <Text size={200} data-testid="onboard-summary">
            {t('onboard_summary', { file: draft.source.fileName, count: draft.proposals.length })}
          </Text>
          <fieldset className={styles.root} style={{ border: 'none', margin: 0, padding: 0 }}>
            <legend>
              <Text weight="semibold">{t('onboard_plan')}</Text>
            </legend>
            <div className={styles.row}>
              <Field className={styles.half} label={t('onboard_mode')}>
                <Select data-testid="onboard-mode" value={review.plan.mode} onChange={(_, d) => setPlan({ mode: d.value as 'new' | 'replace' })}>
                  <option value="new">{t('onboard_mode_new')}</option>
                  <option value="replace">{t('onboard_mode_replace')}</option>
                </Select>
              </Field>
              <Field
                className={styles.half}
                label={t('onboard_park_code')}
                validationMessage={
                  issuesAt('plan.park')
                    .map((i) => i.message[lang])
                    .join(' ') || undefined
                }
              >
                <Input data-testid="onboard-park" value={review.plan.park} onChange={(_, d) => setPlan({ park: d.value.trim() })} placeholder="songjiang" />
              </Field>
            </div>
            <div className={styles.row}>
              <Field className={styles.half} label={t('onboard_name_zh')}>
                <Input data-testid="onboard-name-zh" value={review.plan.name.zh} onChange={(_, d) => setPlan({ name: { ...review.plan.name, zh: d.value } })} />
              </Field>
              <Field
                className={styles.half}
                label={t('onboard_name_en')}
                validationMessage={
                  issuesAt('plan.name')
                    .map((i) => i.message[lang])
                    .join(' ') || undefined
                }
              >
                <Input data-testid="onboard-name-en" value={review.plan.name.en} onChange={(_, d) => setPlan({ name: { ...review.plan.name, en: d.value } })} />
              </Field>
            </div>
            <div className={styles.row}>
              <Field className={styles.half} label={t('onboard_district_zh')}>
                <Input value={review.plan.district.zh} onChange={(_, d) => setPlan({ district: { ...review.plan.district, zh: d.value } })} />
              </Field>
              <Field className={styles.half} label={t('onboard_district_en')}>
                <Input
                  data-testid="onboard-district-en"
                  value={review.plan.district.en}
                  onChange={(_, d) => setPlan({ district: { ...review.plan.district, en: d.value } })}
                />
              </Field>
            </div>
            <Field
              label={t('onboard_plan_title')}
              validationMessage={
                issuesAt('plan.planTitle')
                  .map((i) => i.message[lang])
                  .join(' ') || undefined
              }
            >
              <Input value={review.plan.planTitle} onChange={(_, d) => setPlan({ planTitle: d.value })} />
            </Field>
            <div className={styles.row}>
              <Field className={styles.half} label={t('onboard_number')}>
                <Input value={review.plan.documentNumber ?? ''} onChange={(_, d) => setPlan({ documentNumber: d.value || null })} />
              </Field>
              <Field className={styles.half} label={t('onboard_issued')}>
                <Input value={review.plan.issuedOn ?? ''} placeholder="2025-02-18" onChange={(_, d) => setPlan({ issuedOn: d.value || null })} />
              </Field>
            </div>
            <div className={styles.row}>
              <Field
                className={styles.half}
                label={t('onboard_start_year')}
                validationMessage={
                  issuesAt('plan.startYear')
                    .map((i) => i.message[lang])
                    .join(' ') || undefined
                }
              >
                <Input type="number" value={String(review.plan.startYear ?? '')} onChange={(_, d) => setPlan({ startYear: numberOr(d.value) })} />
              </Field>
              <Field className={styles.half} label={t('onboard_end_year')}>
                <Input type="number" value={String(review.plan.endYear ?? '')} onChange={(_, d) => setPlan({ endYear: numberOr(d.value) })} />
              </Field>
            </div>
            {review.plan.mode === 'replace' && (
              <Field
                label={t('onboard_from_year')}
                validationMessage={
                  issuesAt('plan.fromYear')
                    .map((i) => i.message[lang])
                    .join(' ') || undefined
                }
              >
                <Input type="number" value={String(review.plan.fromYear ?? '')} onChange={(_, d) => setPlan({ fromYear: numberOr(d.value) })} />
              </Field>
            )}
            <Checkbox checked={review.plan.draft} onChange={(_, d) => setPlan({ draft: d.checked === true })} label={t('onboard_draft')} />
          </fieldset>

          <Text weight="semibold">
            {t('onboard_targets', { count: review.items.filter((i) => i.decision === 'accepted').length, total: review.items.length })}
          </Text>
          {issuesAt('items')
            .filter((i) => i.path === 'items')
            .map((i) => (
              <Text key={i.code} className={styles.issue}>
                {i.message[lang]}
              </Text>
            ))}
          {review.items.map((item, i) => {
            const proposal = draft.proposals[i];
            const mapped = item.indicator ? byCode.get(item.indicator) : undefined;
            const created = review.newIndicators.find((n) => n.code === item.indicator);
            const itemIssues = issuesAt(`items.${i}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: an item is its proposal's position (draft.proposals[i], issues at items.i); the list is never reordered.
              <div key={i} data-testid={`proposal-${i}`} className={`${styles.card} ${styles[item.decision]}`}>
                <Text size={200} className={styles.quote}>
                  「{item.quote}」
                </Text>
                <Text size={200} data-testid={`reading-${i}`}>
                  {t('onboard_reading', {
                    value: item.value ?? '?',
                    unit: item.unitCode ? unitName(item.unitCode) : item.unit,
                    year: item.year ?? '?',
                    comparison: t(`onboard_cmp_${item.comparison}`),
                    confidence: Math.round((proposal?.confidence ?? 0) * 100),
                  })}
                </Text>
                <div className={styles.row}>
                  <Field className={styles.half} label={t('onboard_value')}>
                    <Input type="number" value={String(item.value ?? '')} onChange={(_, d) => setItem(i, { value: numberOr(d.value) })} />
                  </Field>
                  <Field className={styles.half} label={t('onboard_unit')}>
                    <Select value={item.unitCode ?? ''} onChange={(_, d) => setItem(i, { unitCode: d.value || null, unit: d.value || item.unit })}>
                      <option value="">{item.unitCode === null ? `${item.unit} (?)` : '—'}</option>
                      {UNITS.map((u) => (
                        <option key={u} value={u}>
                          {unitName(u)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field className={styles.half} label={t('onboard_year')}>
                    <Input type="number" value={String(item.year ?? '')} onChange={(_, d) => setItem(i, { year: numberOr(d.value) })} />
                  </Field>
                </div>
                <Field label={t('onboard_indicator')}>
                  <Select
                    className={styles.select}
                    data-testid={`indicator-${i}`}
                    value={item.indicator ?? ''}
                    onChange={(_, d) => (d.value === NEW ? defineNew(i) : setItem(i, { indicator: d.value || null, confirmedApart: false }))}
                  >
                    <option value="">{t('onboard_unmapped')}</option>
                    {review.newIndicators.map((n) => (
                      <option key={n.code} value={n.code}>
                        {t('onboard_new_prefix')} {n.name[lang] || n.code}
                      </option>
                    ))}
                    {indicators.map((ind) => (
                      <option key={ind.code} value={ind.code}>
                        {lang === 'zh' ? `${ind.name.zh}（${ind.unit}）` : `${ind.name.en} (${unitName(ind.unit)})`}
                      </option>
                    ))}
                    <option value={NEW}>{t('onboard_define_new')}</option>
                  </Select>
                </Field>
                {mapped && mapped.distinctFrom.length > 0 && (
                  <div data-testid={`apart-${i}`}>
                    <Text size={200} weight="semibold">
                      {t('onboard_apart_title')}
                    </Text>
                    {mapped.distinctFrom.map((d) => {
                      const other = byCode.get(d.indicator);
                      return (
                        <div key={d.indicator} className={styles.apart}>
                          <div className={styles.apartCell}>
                            <strong>{mapped.name[lang]}</strong>
                            <br />
                            {mapped.definition[lang]}
                          </div>
                          <div className={styles.apartCell}>
                            <strong>{other?.name[lang] ?? d.indicator}</strong>
                            <br />
                            {other?.definition[lang]}
                            <br />
                            <em>{d.reason[lang]}</em>
                          </div>
                        </div>
                      );
                    })}
                    <Checkbox
                      data-testid={`confirm-apart-${i}`}
                      checked={item.confirmedApart}
                      onChange={(_, d) => setItem(i, { confirmedApart: d.checked === true })}
                      label={t('onboard_apart_confirm')}
                    />
                  </div>
                )}
                {created && (
                  <div className={styles.card} data-testid={`new-indicator-${i}`}>
                    <Text size={200} weight="semibold">
                      {t('onboard_new_title')}
                    </Text>
                    <div className={styles.row}>
                      <Field className={styles.half} label={t('onboard_new_code')}>
                        <Input data-testid={`new-code-${i}`} value={created.code} onChange={(_, d) => setNew(created.code, { code: d.value.trim() })} />
                      </Field>
                      <Field className={styles.half} label={t('onboard_new_unit')}>
                        <Select value={created.unit} onChange={(_, d) => setNew(created.code, { unit: d.value })}>
                          {CANONICAL_UNITS.map((u) => (
                            <option key={u} value={u}>
                              {unitName(u)}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    </div>
                    <div className={styles.row}>
                      <Field className={styles.half} label={t('onboard_name_zh')}>
                        <Input
                          data-testid={`new-name-zh-${i}`}
                          value={created.name.zh}
                          onChange={(_, d) => setNew(created.code, { name: { ...created.name, zh: d.value } })}
                        />
                      </Field>
                      <Field className={styles.half} label={t('onboard_name_en')}>
                        <Input
                          data-testid={`new-name-en-${i}`}
                          value={created.name.en}
                          onChange={(_, d) => setNew(created.code, { name: { ...created.name, en: d.value } })}
                        />
                      </Field>
                    </div>
                    <div className={styles.row}>
                      <Field className={styles.half} label={t('onboard_new_measure')}>
                        <Select value={created.measure} onChange={(_, d) => setNew(created.code, { measure: d.value as NewIndicator['measure'] })}>
                          {(['flow', 'level', 'cumulative'] as const).map((m) => (
                            <option key={m} value={m}>
                              {t(`onboard_measure_${m}`)}
                            </option>
                          ))}
                        </Select>
                      </Field>
                      <Field className={styles.half} label={t('onboard_new_consolidation')}>
                        <Select
                          value={created.consolidation}
                          onChange={(_, d) => setNew(created.code, { consolidation: d.value as NewIndicator['consolidation'] })}
                        >
                          {(['sum', 'none'] as const).map((m) => (
                            <option key={m} value={m}>
                              {t(`onboard_consolidation_${m}`)}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    </div>
                    <Checkbox
                      checked={created.hasBaseline}
                      onChange={(_, d) => setNew(created.code, { hasBaseline: d.checked === true })}
                      label={t('onboard_new_baseline')}
                    />
                  </div>
                )}
                {itemIssues.map((issue) => (
                  <Text key={`${issue.code}-${issue.path}`} className={styles.issue}>
                    {issue.message[lang]}
                  </Text>
                ))}
                <div className={styles.row}>
                  <Button
                    data-testid={`accept-${i}`}
                    size="small"
                    appearance={item.decision === 'accepted' ? 'primary' : 'secondary'}
                    icon={<CheckmarkRegular />}
                    onClick={() => setItem(i, { decision: 'accepted' })}
                  >
                    {t('onboard_accept')}
                  </Button>
                  <Button
                    data-testid={`reject-${i}`}
                    size="small"
                    appearance={item.decision === 'rejected' ? 'primary' : 'secondary'}
                    icon={<DismissRegular />}
                    onClick={() => setItem(i, { decision: 'rejected' })}
                  >
                    {t('onboard_reject')}
                  </Button>
                  {item.indicator === null && (
                    <Button size="small" appearance="subtle" icon={<AddRegular />} onClick={() => defineNew(i)}>
                      {t('onboard_define_new')}
                    </Button>
                  )}
                </div>
              </div>
            );
          })}

          <Field label={t('onboard_reason')}>
            <Input
              data-testid="onboard-reason"
              value={reason}
              onChange={(_, d) => setReason(d.value)}
              placeholder={t('onboard_default_reason', { park: review.plan.name.zh })}
            />
          </Field>
          <Text size={200} data-testid="onboard-issue-count">
            {draft.issues.length === 0 ? t('onboard_ready') : t('onboard_not_ready', { count: draft.issues.length })}
          </Text>
          <div className={styles.row}>
            <Button data-testid="onboard-save" icon={<SaveRegular />} onClick={save} disabled={op.busy !== null}>
              {t('onboard_save')}
            </Button>
            <Button data-testid="onboard-publish" appearance="primary" icon={<SendRegular />} onClick={publish} disabled={op.busy !== null}>
              {t('onboard_publish')}
            </Button>
          </div>
        </>
      )}

      {history && (
        <div data-testid="catalogue-history">
          <Text weight="semibold">{t('catalogue_history', { version: history.current })}</Text>
          <ol className={styles.list}>
            {[...history.versions].reverse().map((v) => (
              <li key={v.version}>
                <Text size={200}>
                  {t('catalogue_version_line', {
                    version: v.version,
                    at: formatTime(v.at, lang),
                    by: v.by === 'system' ? t('catalogue_system') : v.byName || v.by,
                    reason: v.by === 'system' ? t('catalogue_seed_reason') : v.reason,
                  })}
                </Text>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/** A file's size as a reader says it: 5.9 kB, 1.2 MB. */
function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
