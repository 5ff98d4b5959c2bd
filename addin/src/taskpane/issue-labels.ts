import { TEMPLATE_FIRST_DATA_ROW, type Issue, type Lang, type TemplateModel } from '@zj/shared';
import type { Translate } from '../i18n/translate.js';

const FIELD_PATH = /^(figures|baselines)\.(.+)$/;

/** The sheet row of each field: the template is laid out one field a row, in both languages. */
function rowsOf(template: TemplateModel | null): Map<string, number> {
  return new Map((template?.fields ?? []).map((f, i) => [f.key, TEMPLATE_FIRST_DATA_ROW + i]));
}

/**
 * How an issue's group is named in the pane: by row and indicator (第 12 行 · 研发经费支出),
 * a row alone for a file whose rows moved (第 7 行), or the file as a whole. Never a code.
 */
export function issueLabeller(template: TemplateModel | null, t: Translate, lang: Lang): (fieldKey: string | null, path: string) => string | null {
  const rows = rowsOf(template);
  const labels = new Map((template?.fields ?? []).map((f) => [f.key, f.label[lang]]));
  return (fieldKey, path) => {
    if (fieldKey !== null) {
      const row = rows.get(fieldKey);
      const label = labels.get(fieldKey) ?? fieldKey;
      return row === undefined ? label : t('issue_row', { row, label });
    }
    const row = /^row\.(\d+)$/.exec(path)?.[1];
    return row ? t('issue_row_only', { row }) : t('issue_file');
  };
}

/** Issues in the order of the sheet: those of the file as a whole first, then row by row. */
export function sortByRow<T extends Issue>(issues: readonly T[], template: TemplateModel | null): T[] {
  const rows = rowsOf(template);
  const rowOf = (issue: Issue) => {
    const field = FIELD_PATH.exec(issue.path)?.[2];
    if (field !== undefined) return rows.get(field) ?? Number.MAX_SAFE_INTEGER;
    const row = /^row\.(\d+)$/.exec(issue.path)?.[1];
    return row ? Number(row) : 0;
  };
  return issues
    .map((issue, i) => ({ issue, i, row: rowOf(issue) }))
    .sort((a, b) => a.row - b.row || a.i - b.i)
    .map((x) => x.issue);
}
