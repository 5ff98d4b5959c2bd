import type { ConsolidationKind } from '../../catalogue/catalogue-schema.js';
import type { ConsolidationBehaviour } from './consolidation-behaviour.js';
import { NONE_CONSOLIDATION } from './none-consolidation.js';
import { RATIO_CONSOLIDATION } from './ratio-consolidation.js';
import { SUM_CONSOLIDATION } from './sum-consolidation.js';

/** Every consolidation kind of the schema declares its behaviour here; a new kind fails to compile until it does. */
export const CONSOLIDATION_KINDS: Readonly<Record<ConsolidationKind, ConsolidationBehaviour>> = {
  sum: SUM_CONSOLIDATION,
  ratio: RATIO_CONSOLIDATION,
  none: NONE_CONSOLIDATION,
};
