import type { ReturnVersion } from '../api/returns.js';
import { isDeclaredNone } from '../figures/parse-figure.js';

/**
 * The fields a stored version declared none (无/—/N/A): as kept at submission, or, for a version
 * stored before that was kept, read again from the figures as sent (only fields whose value is null).
 */
export function declaredNoneOf(version: Pick<ReturnVersion, 'declaredNone' | 'input' | 'values'>): string[] {
  if (version.declaredNone) return [...version.declaredNone];
  const figures = version.input.figures ?? {};
  return Object.keys(figures).filter((key) => key in version.values && version.values[key] === null && isDeclaredNone(figures[key]));
}
