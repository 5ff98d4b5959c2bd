import type { Receipt, ReturnVersion } from '@zj/shared';

/** What a submission answers, taken from the stored version (so a replay answers the same). */
export function receiptOf(version: ReturnVersion): Receipt {
  return {
    park: version.park,
    period: version.period,
    version: version.version,
    submittedAt: version.submittedAt,
    submittedBy: version.submittedBy,
    contentHash: version.contentHash,
    templateVersion: version.templateVersion,
    issues: version.issues,
    explanations: version.input.explanations ?? {},
  };
}
