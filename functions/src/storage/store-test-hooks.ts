/** What is about to be committed, for StoreTestHooks: the head moving to a new version, review, draft or lock state. */
export type CommitKind = 'version' | 'review' | 'draft' | 'lock_marker';

/**
 * A test-only seam of AzureReturnStore: called after the head was read and checked (and the
 * document written) and just before the head's commit, so a test can make something land in
 * between, such as a lock or a review. Never set outside tests.
 */
export interface StoreTestHooks {
  beforeCommit?: (kind: CommitKind, partitionKey: string) => Promise<void>;
  /**
   * Called just before a period's change stamp is bumped (change-stamps.ts), after the head's
   * commit: throwing StorageUnavailableError here is a bump the storage refused, or a writer
   * that died between its commit and its bump.
   */
  beforeStampBump?: (period: string) => Promise<void>;
}
