import { issueKey, type Issue, type ReturnInput, type TemplateField, type TemplateModel } from '@zj/shared';

/** An issue as the pane shows it: maybe under another field than the one it was raised on. */
export interface ShownIssue extends Issue {
  /** The computed field the issue was raised on, when it is shown under a component the user can edit. */
  raisedOn?: string;
}

const FIELD_PATH = /^(figures|baselines)\.(.+)$/;

/**
 * The issues as the statistician acts on them. A computed field (a ratio or rate, a locked
 * formula in the sheet) cannot be typed in, so an error raised on it is shown under the component
 * that can be: the one with an error of its own (one typo, one place to look, e.g. 研发经费支出
 * typed 100× too large also makes 研发经费占营收比重 300%), else its numerator. Warnings stay
 * where they are: their explanation (说明) is filed under their own row, whose 说明 cell is open.
 */
export function presentIssues(template: TemplateModel, issues: readonly Issue[]): ShownIssue[] {
  const fields = new Map(template.fields.map((f) => [f.key, f]));
  const withError = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.path));
  const home = (section: string, field: TemplateField, seen: Set<string>): string | null => {
    const f = field.formula;
    if (!f || seen.has(field.key)) return null;
    seen.add(field.key);
    const parts = [f.numerator, f.denominator]
      .filter((p) => p !== 'periodDays')
      .map((p) => fields.get(p))
      .filter((p): p is TemplateField => p !== undefined);
    const erring = parts.find((p) => withError.has(`${section}.${p.key}`));
    for (const part of erring ? [erring, ...parts] : parts) {
      if (!part.derived) return part.key;
      const deeper = home(section, part, seen);
      if (deeper) return deeper;
    }
    return null;
  };
  return issues.map((issue) => {
    const match = FIELD_PATH.exec(issue.path);
    const field = match ? fields.get(match[2]!) : undefined;
    if (issue.severity !== 'error' || !match || !field?.derived) return issue;
    const component = home(match[1]!, field, new Set());
    if (!component) return issue;
    // Under another row, the message says which computed figure it is about.
    const message = { zh: `「${field.label.zh}」：${issue.message.zh}`, en: `${field.label.en}: ${issue.message.en}` };
    return { ...issue, path: `${match[1]}.${component}`, raisedOn: field.key, message };
  });
}

/** What is left to do after a validation, counted by row: one row needs one fix or one 说明. */
export interface Remaining {
  /** Required figures left blank. */
  unfilled: number;
  /** Rows with an error to correct (blanks apart). */
  errors: number;
  /** Rows without an error whose warning has no explanation yet. */
  unexplained: number;
}

export function remainingWork(shown: readonly ShownIssue[], explanations: Readonly<Record<string, string>>): Remaining {
  const rowOf = (issue: Issue) => FIELD_PATH.exec(issue.path)?.[2] ?? issueKey(issue);
  const unfilled = new Set<string>();
  const errors = new Set<string>();
  const unexplained = new Set<string>();
  for (const issue of shown) {
    const row = rowOf(issue);
    if (issue.severity === 'error') (issue.code === 'value_missing' ? unfilled : errors).add(row);
    else if (!explained(issue, explanations)) unexplained.add(row);
  }
  for (const row of unfilled) errors.delete(row);
  // A warning on a row with an error to correct is asked for once the row is corrected (it
  // usually goes with the correction).
  for (const row of [...unfilled, ...errors]) unexplained.delete(row);
  return { unfilled: unfilled.size, errors: errors.size, unexplained: unexplained.size };
}

/** As validateReturn reads it: under the issue's own key, or under its row. */
function explained(issue: Issue, explanations: Readonly<Record<string, string>>): boolean {
  const row = FIELD_PATH.exec(issue.path)?.[2];
  return [issueKey(issue), row ? `field:${row}` : null].some((k) => k !== null && (explanations[k] ?? '').trim() !== '');
}

/** Nothing typed yet: no figure, no baseline, no explanation. */
export function isBlankReturn(input: ReturnInput): boolean {
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  return Object.values(input.figures).every(blank) && Object.values(input.baselines ?? {}).every(blank) && Object.values(input.explanations ?? {}).every(blank);
}
