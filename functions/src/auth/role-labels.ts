import type { Role } from '@zj/shared';
import type { LocalizedParam } from '../app/domain-error.js';

/** Roles as users call them (DOMAIN.md: 园区统计员, 园区审核, 张江管委会 / 汇总), for messages. */
export const ROLE_LABELS: Readonly<Record<Role, LocalizedParam>> = {
  statistician: { zh: '园区统计员', en: 'park statistician' },
  reviewer: { zh: '园区审核员', en: 'park reviewer' },
  consolidator: { zh: '管委会汇总', en: 'zone consolidator' },
};
