import type { RuleSpec } from './rule-spec.js';
import type { RuleKindDef } from './rule-context.js';
import { baselineRequired } from './kinds/baseline-required.js';
import { changeBand } from './kinds/change-band.js';
import { derivedInRange } from './kinds/derived-in-range.js';
import { magnitudeSlip } from './kinds/magnitude-slip.js';
import { notDecreasing } from './kinds/not-decreasing.js';
import { partLeWhole } from './kinds/part-le-whole.js';
import { ratioConsistency } from './kinds/ratio-consistency.js';

type CheckKinds = Exclude<RuleSpec['kind'], 'figure'>;

/** The rule kinds checked after parsing; 'figure' rules are the parsing itself (validate-return.ts). */
export const RULE_KINDS: { [K in CheckKinds]: RuleKindDef<K> } = {
  part_le_whole: partLeWhole,
  ratio_consistency: ratioConsistency,
  derived_in_range: derivedInRange,
  not_decreasing: notDecreasing,
  magnitude_slip: magnitudeSlip,
  change_band: changeBand,
  baseline_required: baselineRequired,
};
