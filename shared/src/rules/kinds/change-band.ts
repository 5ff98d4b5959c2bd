import { makeIssue } from '../../issues/make-issue.js';
import { readReference } from '../read-reference.js';
import { figurePath, type RuleKindDef } from '../rule-context.js';
import { magnitudeSlip } from './magnitude-slip.js';

/**
 * A change beyond ±band from the last period (or the baseline) is possible but must be explained
 * (说明原因), unless the rule has a floor (counts) and the figure moved by no more than it.
 */
export const changeBand: RuleKindDef<'change_band'> = {
  kind: 'change_band',
  description: { zh: '与上期相比变化过大', en: 'Large change from the last period' },
  check(rule, ctx) {
    const field = ctx.field(rule.field);
    const value = ctx.values[rule.field];
    const reference = readReference(rule.field, rule.against, ctx);
    const previous = reference.value;
    if (value == null || previous == null || previous === 0) return [];
    const change = (value - previous) / Math.abs(previous);
    if (Math.abs(change) <= rule.band) return [];
    if (rule.floor !== undefined && Math.abs(value - previous) <= rule.floor) return [];
    // A unit slip is reported once, by its own rule.
    const slip = { kind: 'magnitude_slip' as const, field: rule.field, factor: 10000, ...(rule.against ? { against: rule.against } : {}) };
    if (magnitudeSlip.check(slip, ctx).length) return [];
    return [
      makeIssue('change_beyond_band', 'warning', figurePath(rule.field), {
        field: field.label.zh,
        fieldEn: field.label.en,
        value,
        previous,
        unit: field.unit,
        change: `${change > 0 ? '+' : ''}${Math.round(change * 1000) / 10}%`,
        band: `±${Math.round(rule.band * 100)}%`,
        ...reference.params,
      }),
    ];
  },
};
