import type { ComponentRef } from '../../catalogue/catalogue-schema.js';
import type { ComponentBehaviour } from './component-behaviour.js';
import { indicatorComponent } from './indicator-component.js';
import { PERIOD_DAYS_COMPONENT } from './period-days-component.js';

export function componentBehaviourOf(ref: ComponentRef): ComponentBehaviour {
  return 'indicator' in ref ? indicatorComponent(ref.indicator) : PERIOD_DAYS_COMPONENT;
}
