import type { ValidationResult } from '../rules/validation-result.js';
import type { ReturnVersion } from './return-version.js';

/** The parts of a validation a stored version keeps beside the figures as sent. */
export function storedResultOf(result: ValidationResult): Pick<ReturnVersion, 'values' | 'derived' | 'baselines' | 'declaredNone' | 'issues'> {
  return { values: result.values, derived: result.derived, baselines: result.baselines, declaredNone: result.declaredNone, issues: result.issues };
}
