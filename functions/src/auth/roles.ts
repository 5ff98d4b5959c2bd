import type { Role } from '@zj/shared';

export const ROLES: readonly Role[] = ['statistician', 'reviewer', 'consolidator'];
