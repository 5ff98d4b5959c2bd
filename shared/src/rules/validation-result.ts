import type { Issue } from '../issues/issue.js';

/** A derived ratio or rate with its parts, so the UI and the workbook can explain the number. */
export interface DerivedValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Why value is null: a component is blank, or the denominator is zero. */
  reason?: 'missing_component' | 'division_by_zero';
}

export interface ValidationResult {
  /** Parsed values of every field in the field's unit (null = blank, 0 for 无), typed ratios included. */
  values: Record<string, number | null>;
  /** Ratio and rate fields computed from their components. */
  derived: Record<string, DerivedValue>;
  /**
   * Figure fields declared none (无, —, N/A, 不适用): an answer, read as 0 and shown as 「无」
   * (docs/domain.md, "Declared none (无)"); never 未填报.
   */
  declaredNone: string[];
  /** Parsed baselines (基期值) by field key. */
  baselines: Record<string, number | null>;
  /** Every issue, not only the first. */
  issues: Issue[];
  errorCount: number;
  warningCount: number;
  /** Keys (issueKey) of warnings that have no explanation yet. */
  unexplained: string[];
  /** No errors and every warning explained: the return may be submitted. */
  acceptable: boolean;
}
