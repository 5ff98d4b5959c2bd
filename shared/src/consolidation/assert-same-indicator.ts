import type { Figure } from './figure.js';

/**
 * Figures of different definitions are never added together (高新技术企业数量(累计) and
 * 有效期内高新技术企业 are two indicators, 三大先导产业 and 三大特色产业 are two sets): every
 * definition is its own indicator code, and anything that combines figures checks they share it.
 * A mix is a programming error, so this throws.
 */
export function assertSameIndicator(indicator: string, figures: readonly Figure[]): void {
  const stranger = figures.find((f) => f.indicator !== indicator);
  if (stranger) {
    throw new Error(`cannot combine "${stranger.indicator}" (${stranger.unit}) with "${indicator}": different definitions`);
  }
}
