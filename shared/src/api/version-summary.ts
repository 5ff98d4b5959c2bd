import type { Actor } from './actor.js';
import type { ReturnVersion } from './return-version.js';

/** One line of a return's history: what the version list shows without reading each document. */
export interface VersionSummary {
  version: number;
  submittedAt: string;
  submittedBy: Actor;
  contentHash: string;
  templateVersion: string;
  errorCount: number;
  warningCount: number;
  source: ReturnVersion['source'];
}
