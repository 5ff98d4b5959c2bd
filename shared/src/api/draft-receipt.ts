/** What PUT /returns/{park}/{period}/draft answers (200): when the new draft record was saved, and what. */
export interface DraftReceipt {
  savedAt: string;
  /** contentHash of the draft's input. */
  contentHash: string;
}
