import type { Issue } from '../issues/issue.js';
import type { DerivedValue } from '../rules/validation-result.js';
import type { ReturnInput } from './return-input.js';

export type Role = 'statistician' | 'reviewer' | 'consolidator';

export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** The park a statistician or reviewer belongs to; null for the zone consolidator. */
  park: string | null;
}

/** One stored submission. Versions are appended, never overwritten. */
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
  issues: Issue[];
  source: 'addin' | 'api' | 'upload';
  /** Name of the blob holding the original uploaded workbook, for source 'upload'. */
  uploadBlob?: string;
}

export type ReturnState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved' | 'late';

export interface Review {
  version: number;
  decision: 'approve' | 'return';
  comment: string;
  by: Actor;
  at: string;
}

/** What a submit answers. */
export interface Receipt {
  park: string;
  period: string;
  version: number;
  submittedAt: string;
  submittedBy: Actor;
  contentHash: string;
  templateVersion: string;
  issues: Issue[];
  explanations: Record<string, string>;
}
