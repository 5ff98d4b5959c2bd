import type { MeasureKind } from '../../catalogue/catalogue-schema.js';
import { CUMULATIVE_MEASURE } from './cumulative-measure.js';
import { FLOW_MEASURE } from './flow-measure.js';
import { LEVEL_MEASURE } from './level-measure.js';
import type { MeasureBehaviour } from './measure-behaviour.js';
import { RATE_MEASURE } from './rate-measure.js';
import { RATIO_MEASURE } from './ratio-measure.js';

/** Every measure kind of the schema declares its behaviour here; a new kind fails to compile until it does. */
export const MEASURE_KINDS: Readonly<Record<MeasureKind, MeasureBehaviour>> = {
  level: LEVEL_MEASURE,
  flow: FLOW_MEASURE,
  cumulative: CUMULATIVE_MEASURE,
  ratio: RATIO_MEASURE,
  rate: RATE_MEASURE,
};
