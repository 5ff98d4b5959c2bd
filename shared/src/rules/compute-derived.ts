import type { TemplateField } from '../templates/template-model.js';
import type { DerivedValue } from './validation-result.js';

/**
 * Ratio and rate fields from their components: numerator / denominator × scale. A blank
 * component or a zero denominator gives a coded null, never NaN or Infinity.
 */
export function computeDerived(fields: readonly TemplateField[], values: Record<string, number | null>, periodDays: number): Record<string, DerivedValue> {
  const out: Record<string, DerivedValue> = {};
  const read = (part: string): number | null => (part === 'periodDays' ? periodDays : (values[part] ?? null));
  for (const f of fields) {
    if (!f.formula) continue;
    const numerator = read(f.formula.numerator);
    const denominator = read(f.formula.denominator);
    if (numerator === null || denominator === null) {
      out[f.key] = { value: null, numerator, denominator, reason: 'missing_component' };
    } else {
      const value = (numerator / denominator) * f.formula.scale;
      // A zero (or vanishingly small) denominator would give Infinity or NaN: a coded null instead.
      out[f.key] = Number.isFinite(value) ? { value, numerator, denominator } : { value: null, numerator, denominator, reason: 'division_by_zero' };
    }
  }
  return out;
}
