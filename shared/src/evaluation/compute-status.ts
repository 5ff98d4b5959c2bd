import type { EvaluationStatus } from './evaluation-status.js';
import { STATUS_RULES, type StatusFacts } from './status-rules.js';

/** The status of one target: the first of STATUS_RULES that applies (the last one always does). */
export function computeStatus(facts: StatusFacts): EvaluationStatus {
  const rule = STATUS_RULES.find((r) => r.applies(facts));
  if (!rule) throw new Error('STATUS_RULES must end with a rule that always applies');
  return rule.status;
}
