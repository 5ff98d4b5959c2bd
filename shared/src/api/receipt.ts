import type { Issue } from '../issues/issue.js';
import type { Actor } from './actor.js';

/** What a submit answers (报送回执): POST /returns/{park}/{period}, 201 (200 for an idempotent replay). */
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
