import { describe, expect, it } from 'vitest';
import { CELL_REASONS, IGNORED_REASONS, TOTAL_REASONS } from '../consolidation/consolidation-result.js';
import { EVALUATION_MESSAGES } from './evaluation-messages.js';
import { EVALUATION_NOTES } from './evaluation-result.js';
import { GROWTH_REASONS } from './growth-needed.js';

// Every code a result can carry has a text in both languages.
const READING_AND_PART_REASONS = [
  'not_reported',
  'no_baseline',
  'no_components',
  'missing_component',
  'division_by_zero',
  'out_of_range',
  'no_increment',
  ...GROWTH_REASONS,
];

const KEYS = [
  ...new Set([
    ...READING_AND_PART_REASONS.map((c) => `evaluation_reason_${c}`),
    ...EVALUATION_NOTES.map((c) => `evaluation_note_${c}`),
    ...[...CELL_REASONS, ...TOTAL_REASONS].map((c) => `consolidation_reason_${c}`),
    ...IGNORED_REASONS.map((c) => `consolidation_ignored_${c}`),
  ]),
];

describe('evaluation and consolidation messages', () => {
  it.each(KEYS)('%s has zh and en text', (key) => {
    expect(EVALUATION_MESSAGES.zh[key]).toBeTruthy();
    expect(EVALUATION_MESSAGES.en[key]).toBeTruthy();
  });

  it('has no text for a code nothing returns', () => {
    expect(Object.keys(EVALUATION_MESSAGES.zh).sort()).toEqual([...KEYS].sort());
    expect(Object.keys(EVALUATION_MESSAGES.en).sort()).toEqual([...KEYS].sort());
  });
});
