/** What is about to be committed, for StoreTestHooks. */
export type CommitKind = 'version' | 'draft' | 'lock_marker';

/**
 * A test-only seam of AzureReturnStore: called after the lock was checked (and the document
 * written) and just before the commit, so a test can make something land in between, such as a
 * lock. Never set outside tests.
 */
export interface StoreTestHooks {
  beforeCommit?: (kind: CommitKind, partitionKey: string) => Promise<void>;
}
