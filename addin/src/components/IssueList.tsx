import { Badge, Button, Caption1, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { issueKey, type Issue } from '@zj/shared';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  issue: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    height: 'auto',
    minHeight: '32px',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  saved: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', color: tokens.colorNeutralForeground3 },
});

/** Where an explanation typed in the pane stands. */
export type ExplanationState = 'saving' | 'saved' | 'not_saved';

export interface IssueGroup {
  /** The explanation key: `field:<fieldKey>` for a row, the issue key otherwise. */
  key: string;
  label: string;
  issues: Issue[];
}

/**
 * Groups issues by the row (field) they concern; issues without a field stand alone. `labelOf`
 * names a group from its field (null for an issue of the file as a whole) and the issue's path.
 */
export function groupIssues(issues: readonly Issue[], labelOf: (fieldKey: string | null, path: string) => string | null): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const fieldKey = /^(figures|baselines)\.(.+)$/.exec(issue.path)?.[2] ?? null;
    const key = fieldKey ? `field:${fieldKey}` : issueKey(issue);
    const group = groups.get(key) ?? { key, label: labelOf(fieldKey, issue.path) ?? issue.path, issues: [] };
    group.issues.push(issue);
    groups.set(key, group);
  }
  // Errors first: they block submission; then by row.
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/**
 * An issue's text under its group: an upload's answer names row, indicator and column in its
 * message (第12行「营业收入」(本期数):…), which the group's label already says; its bare message
 * is in params.detail / detailEn.
 */
function textOf(issue: Issue, lang: 'zh' | 'en'): string {
  const bare = lang === 'zh' ? issue.params['detail'] : issue.params['detailEn'];
  return typeof bare === 'string' && bare !== '' ? bare : issue.message[lang];
}

const rank = (g: IssueGroup) => (g.issues.some((i) => i.severity === 'error') ? 0 : 1);

/**
 * The issues of the latest validation. Each issue is a button that selects its cell in the
 * sheet; a row with warnings has a box for the explanation (说明), saved into the sheet (or,
 * in a browser, sent with the next upload), which says whether it got there.
 */
export function IssueList(props: {
  groups: IssueGroup[];
  explanations: Record<string, string>;
  onSelect(issue: Issue): void;
  onExplanationChange(key: string, text: string): void;
  onExplanationCommit(key: string): void;
  /** Whether each explanation reached the sheet. */
  explanationState?: Readonly<Record<string, ExplanationState>>;
  readOnly?: boolean;
  title?: string;
  /** The explanation box's label, where it is not saved into the sheet. */
  explanationLabel?: string;
}) {
  const styles = useStyles();
  const { t, lang } = useUi();
  return (
    <section aria-labelledby="issues-title">
      <Subtitle2 as="h2" id="issues-title">
        {props.title ?? t('issues_title')}
      </Subtitle2>
      <ul className={styles.root} data-testid="issues">
        {props.groups.map((group) => {
          const hasError = group.issues.some((i) => i.severity === 'error');
          const hasWarning = group.issues.some((i) => i.severity === 'warning');
          return (
            <li key={group.key} className={`${styles.group} ${hasError ? styles.error : styles.warning}`} data-testid="issue-group" data-key={group.key}>
              <span className={styles.label}>{group.label}</span>
              {group.issues.map((issue) => (
                <Button
                  key={issueKey(issue)}
                  className={styles.issue}
                  appearance="subtle"
                  icon={
                    issue.severity === 'error' ? (
                      <ErrorCircleRegular color={tokens.colorPaletteRedForeground1} />
                    ) : (
                      <WarningRegular color={tokens.colorPaletteDarkOrangeForeground1} />
                    )
                  }
                  onClick={() => props.onSelect(issue)}
                  title={t('issue_go_to_cell')}
                  data-testid="issue"
                  data-path={issue.path}
                >
                  <span>
                    <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'} size="small">
                      {t(issue.severity === 'error' ? 'issue_error' : 'issue_warning')}
                    </Badge>{' '}
                    {textOf(issue, lang)}
                  </span>
                </Button>
              ))}
              {/* A row with an error is corrected first: its warnings usually go with the correction. */}
              {hasWarning && !hasError && !props.readOnly && (
                <Field
                  label={props.explanationLabel ?? t('explanation_label')}
                  size="small"
                  hint={
                    props.explanationState?.[group.key] ? (
                      <Caption1 className={styles.saved} data-testid="explanation-state" data-state={props.explanationState[group.key]}>
                        {props.explanationState[group.key] === 'saved' && <CheckmarkCircleRegular color={tokens.colorPaletteGreenForeground1} />}
                        {t(`explanation_${props.explanationState[group.key]!}`)}
                      </Caption1>
                    ) : undefined
                  }
                >
                  <Textarea
                    value={props.explanations[group.key] ?? ''}
                    placeholder={t('explanation_placeholder')}
                    resize="vertical"
                    onChange={(_e, d) => props.onExplanationChange(group.key, d.value)}
                    onBlur={() => props.onExplanationCommit(group.key)}
                    data-testid="explanation"
                  />
                </Field>
              )}
              {hasWarning && props.readOnly && <span data-testid="explanation-text">{props.explanations[group.key] || t('review_no_explanation')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
