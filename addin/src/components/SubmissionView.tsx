import { Body1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { declaredNoneOf, findUnit, formatFigure, issueKey, type ReturnVersion } from '@zj/shared';
import { formatTime } from './format-time.js';
import { IssueList, groupIssues } from './IssueList.js';
import { useUi } from './ui-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  table: { tableLayout: 'auto' },
});

export interface FieldInfo {
  label: string;
  unit: string;
}

/** Explanations of a version by group key: a row's `field:` text, or the one filed under the issue's key. */
export function explanationsByGroup(version: ReturnVersion): Record<string, string> {
  const given = version.input.explanations ?? {};
  const out: Record<string, string> = { ...given };
  for (const issue of version.issues) {
    const fieldKey = /^(figures|baselines)\.(.+)$/.exec(issue.path)?.[2];
    const text = given[issueKey(issue)];
    if (fieldKey && text && !out[`field:${fieldKey}`]) out[`field:${fieldKey}`] = text;
  }
  return out;
}

/** As the sheet shows it: the unit's decimals (2 for 万元 and %, none for counts), grouped. */
function showFigure(value: number, unit: string, lang: 'zh' | 'en'): string {
  const decimals = /\.(0+)/.exec(findUnit(unit)?.numFmt ?? '')?.[1]?.length ?? 0;
  return formatFigure(value, unit, lang, { decimals });
}

/** One submitted version as a reviewer reads it: the figures, and every warning with its explanation. */
export function SubmissionView(props: { version: ReturnVersion; fields: ReadonlyMap<string, FieldInfo>; onSelect?(path: string): void }) {
  const styles = useStyles();
  const { t, lang } = useUi();
  const v = props.version;
  const label = (key: string) => props.fields.get(key)?.label ?? key;
  const warnings = v.issues.filter((i) => i.severity === 'warning');
  // 无 is an answer, not a blank: shown as such (DOMAIN: consolidated as answered, nothing to add).
  const none = new Set(declaredNoneOf(v));
  return (
    <section className={styles.root} data-testid="submission">
      <Body1>{t('review_version', { version: v.version, by: v.submittedBy.name, time: formatTime(v.submittedAt, lang) })}</Body1>
      {warnings.length > 0 && (
        <IssueList
          groups={groupIssues(warnings, (key) => (key ? label(key) : null))}
          explanations={explanationsByGroup(v)}
          onSelect={(issue) => props.onSelect?.(issue.path)}
          onExplanationChange={() => undefined}
          onExplanationCommit={() => undefined}
          title={t('review_issues')}
          readOnly
        />
      )}
      <Subtitle2 as="h2">{t('review_figures')}</Subtitle2>
      <Table size="extra-small" className={styles.table} aria-label={t('review_figures')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('indicator')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('value_column')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {Object.entries(v.values)
            .map(([key, typed]) => ({ key, value: typed ?? v.derived[key]?.value ?? null }))
            .map(({ key, value }) => (
              <TableRow key={key}>
                <TableCell>{label(key)}</TableCell>
                <TableCell className={styles.number}>
                  {value === null ? (none.has(key) ? t('declared_none') : '—') : showFigure(value, props.fields.get(key)?.unit ?? '', lang)}
                </TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </section>
  );
}
