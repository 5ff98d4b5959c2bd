import type { IgnoredReturn } from '@zj/shared';
import { versionLabel } from './version-label.js';

/** "第2版、第3版已被审核退回" for the versions of a park a reviewer returned (退回) and that were not read; '' when none. */
export function describeReturned(ignored: readonly IgnoredReturn[], park: string): string {
  const versions = ignored.filter((x) => x.park === park && x.reason === 'returned').map((x) => versionLabel(x.version));
  return versions.length ? `${versions.join('、')}已被审核退回` : '';
}
