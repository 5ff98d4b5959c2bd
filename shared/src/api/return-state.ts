/** Where a park's return for a period stands (填报状态). */
export type ReturnState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved' | 'late';
