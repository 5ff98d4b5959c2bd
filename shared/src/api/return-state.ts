/**
 * Where a park's return for a period stands (填报状态). `draft`: a server draft newer than the
 * latest version (or no version yet), with content that version does not have.
 */
export type ReturnState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved' | 'late';
