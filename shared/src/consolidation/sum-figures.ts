import { assertSameIndicator } from './assert-same-indicator.js';
import type { Figure } from './figure.js';

/** Σ of the figures of one indicator; throws if any figure belongs to another indicator. */
export function sumFigures(indicator: string, figures: readonly Figure[]): number {
  assertSameIndicator(indicator, figures);
  return figures.reduce((acc, f) => acc + f.value, 0);
}
