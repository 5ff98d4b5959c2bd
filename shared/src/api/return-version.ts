import type { Issue } from '../issues/issue.js';
import type { DerivedValue } from '../rules/validation-result.js';
import type { Actor } from './actor.js';
import type { ReturnInput } from './return-input.js';

/** One stored submission (GET /returns/{park}/{period}/versions/{n}). Versions are appended, never overwritten. */
export interface ReturnVersion {
  park: string;
  period: string;
  version: number;
  submittedAt: string; // ISO 8601
  submittedBy: Actor;
  templateVersion: string;
  /** contentHash of `input`. */
  contentHash: string;
  /** The figures, baselines and explanations exactly as sent. */
  input: ReturnInput;
  values: Record<string, number | null>;
  derived: Record<string, DerivedValue>;
  baselines: Record<string, number | null>;
  /**
   * Fields whose figure was declared none (无/—/N/A): null in `values`, yet answered. Absent in
   * versions stored before it was kept: read it with declaredNoneOf (derived from `input`).
   */
  declaredNone?: string[];
  issues: Issue[];
  source: 'addin' | 'api' | 'upload';
  /** Name of the blob holding the original uploaded workbook, for source 'upload'. */
  uploadBlob?: string;
}
