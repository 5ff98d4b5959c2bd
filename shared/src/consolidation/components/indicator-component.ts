import { sumFigures } from '../sum-figures.js';
import type { ComponentBehaviour } from './component-behaviour.js';

/** A component that is another indicator (研发经费支出, 营业收入): read per unit, totalled by Σ. */
export function indicatorComponent(indicator: string): ComponentBehaviour {
  return {
    label: indicator,
    figureOf(unit, values) {
      const value = values[indicator];
      return value === null || value === undefined ? null : { unit, indicator, value };
    },
    total: (figures) => sumFigures(indicator, figures),
  };
}
