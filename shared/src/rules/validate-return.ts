import type { ReturnInput } from '../api/returns.js';
import { periodDays, periodOf } from '../periods/periods.js';
import { parseFigure } from '../figures/parse-figure.js';
import type { Issue } from '../issues/issue.js';
import { makeIssue } from '../issues/make-issue.js';
import type { TemplateField, TemplateModel } from '../templates/template-model.js';
import { computeDerived } from './compute-derived.js';
import { issueKey } from './issue-key.js';
import { baselinePath, figurePath, type RuleContext } from './rule-context.js';
import { RULE_KINDS } from './rule-kinds.js';
import type { RuleSpec } from './rule-spec.js';
import type { ValidationResult } from './validation-result.js';

/**
 * Validates a return against its template: every figure is parsed (never guessed), then every
 * rule of the template runs, and every issue is collected, not only the first. Warnings need an
 * explanation, filed under the issue's key or, from a sheet, under `field:<fieldKey>` of its row.
 * The same function runs in the add-in (before submit: Excel's own validation is bypassed by
 * paste) and on the server (the client's word is never trusted).
 */
export function validateReturn(template: TemplateModel, input: ReturnInput): ValidationResult {
  const issues: Issue[] = [];
  const fields = new Map(template.fields.map((f) => [f.key, f]));
  const values: Record<string, number | null> = {};
  const baselines: Record<string, number | null> = {};
  const unreadable = new Set<string>();
  const declaredNone: string[] = [];
  const figures = input.figures ?? {};
  const typedBaselines = input.baselines ?? {};

  for (const key of Object.keys(figures)) {
    if (!fields.has(key)) issues.push(makeIssue('field_unknown', 'error', figurePath(key), { field: key }));
  }
  for (const key of Object.keys(typedBaselines)) {
    const f = fields.get(key);
    if (!f || f.baseline === null) issues.push(makeIssue('baseline_unexpected', 'error', baselinePath(key), { field: key }));
  }

  for (const rule of template.rules) {
    if (rule.kind !== 'figure') continue;
    const field = fields.get(rule.field);
    if (!field) throw new Error(`template rule names unknown field "${rule.field}"`);
    values[field.key] = readFigure(field, figures[field.key], figurePath(field.key), issues, unreadable, false, () => declaredNone.push(field.key));
    if (field.baseline !== null) {
      baselines[field.key] =
        field.baseline.value !== null ? field.baseline.value : readFigure(field, typedBaselines[field.key], baselinePath(field.key), issues, unreadable, true);
    }
  }

  // One figure, several names: the value (and 无, and the baseline) answers each of them.
  for (const f of template.fields) {
    for (const { indicator } of f.sameAs ?? []) {
      values[indicator] = values[f.key] ?? null;
      if (declaredNone.includes(f.key)) declaredNone.push(indicator);
      if (f.baseline !== null) baselines[indicator] = baselines[f.key] ?? null;
    }
  }
  const derived = computeDerived(template.fields, values, template.periodDays);
  for (const f of template.fields) {
    if (f.derived && f.baseline !== null && baselines[f.key] == null) {
      // The baseline is a figure of the baseline year: a 日均 rate divides by that year's days
      // (2023: 365), not by the days of the period being reported (2024: 366, a quarter: 90-92).
      const days = periodDays(periodOf(f.baseline.year, null));
      baselines[f.key] = computeDerived([f], baselines, days)[f.key]?.value ?? null;
    }
  }
  const ctx: RuleContext = {
    template,
    input,
    field: (key) => {
      const f = fields.get(key);
      if (!f) throw new Error(`template rule names unknown field "${key}"`);
      return f;
    },
    values,
    unreadable,
    derived,
    baselines,
  };
  for (const rule of template.rules) {
    if (rule.kind === 'figure') continue;
    issues.push(...checkRule(rule, ctx));
  }

  const explanations = input.explanations ?? {};
  issues.push(...unmatchedExplanations(explanations, fields, issues));
  const explained = (issue: Issue) => {
    const fieldKey = issue.path.split('.').slice(1).join('.');
    return [issueKey(issue), `field:${fieldKey}`].some((k) => (explanations[k] ?? '').trim() !== '');
  };
  const unexplained = issues.filter((i) => i.severity === 'warning' && !explained(i)).map(issueKey);
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return {
    values,
    derived,
    declaredNone,
    baselines,
    issues,
    errorCount,
    warningCount: issues.length - errorCount,
    unexplained,
    acceptable: errorCount === 0 && unexplained.length === 0,
  };
}

/**
 * Explanations keyed to nothing are refused, not kept: an explanation is filed under the key of
 * an issue of this validation, or under `field:<key>` of a field (the row's 说明 in the sheet,
 * which a statistician may fill for any row, and which consolidation prints as the row's note).
 * Any other key explains nothing a reviewer will see beside a figure: a warning that went away
 * when the figure was corrected, or a mistyped key. Since a version keeps its input exactly as
 * sent, dropping it silently would store less than was sent, and keeping it would store text no
 * one reads; so the statistician is told, and decides. A blank one is nothing to refuse.
 */
function unmatchedExplanations(explanations: Record<string, string>, fields: ReadonlyMap<string, TemplateField>, issues: readonly Issue[]): Issue[] {
  const keys = new Set(issues.map(issueKey));
  return Object.entries(explanations)
    .filter(([key, text]) => text.trim() !== '' && !(key.startsWith('field:') ? fields.has(key.slice('field:'.length)) : keys.has(key)))
    .map(([key]) => makeIssue('explanation_unmatched', 'error', `explanations.${key}`, { key }));
}

function checkRule(rule: Exclude<RuleSpec, { kind: 'figure' }>, ctx: RuleContext): Issue[] {
  // Each kind's check takes its own spec; the registry is keyed by the same discriminant.
  const kind = RULE_KINDS[rule.kind] as { check(r: typeof rule, c: RuleContext): Issue[] };
  return kind.check(rule, ctx);
}

/**
 * Parses one cell and applies completeness: a required blank is an error, 无 needs a reason.
 * 无 is an answer of none, read as 0 (docs/domain.md, "Declared none (无)"); `onNone` hears of it.
 */
function readFigure(
  field: TemplateField,
  raw: unknown,
  path: string,
  issues: Issue[],
  unreadable: Set<string>,
  isBaseline = false,
  onNone: () => void = () => {},
): number | null {
  const result = parseFigure(
    raw,
    {
      unit: field.unit,
      valueType: field.valueType,
      ...(field.min !== undefined ? { min: field.min } : {}),
      ...(field.max !== undefined ? { max: field.max } : {}),
    },
    path,
  );
  issues.push(...result.issues);
  if (!result.ok) {
    unreadable.add(path);
    return null;
  }
  const required = isBaseline || field.required;
  const params = { field: field.label.zh, fieldEn: field.label.en, unit: field.unit };
  if (result.kind === 'blank' && required && !isBaseline) issues.push(makeIssue('value_missing', 'error', path, params));
  if (result.kind === 'none') {
    if (required) issues.push(makeIssue('value_declared_none', 'warning', path, params));
    onNone();
    return 0;
  }
  return result.value;
}
