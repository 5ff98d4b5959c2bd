import { parsePeriod, type Catalogue, type Park, type Period } from '@zj/shared';
import { ApiError } from '../http/api-error.js';

/** The catalogue's park with this code, or 404 unknown_park. */
export function resolvePark(catalogue: Catalogue, code: string): Park {
  const park = catalogue.parks.find((p) => p.code === code);
  if (!park) throw new ApiError(404, 'unknown_park', { park: code });
  return park;
}

/** A period written like 2025 or 2025Q3 (strictly: a route parameter is not a cell), or 400. */
export function resolvePeriod(code: string): Period {
  const parsed = /^\d{4}(Q[1-4])?$/.test(code) ? parsePeriod(code) : null;
  if (!parsed?.ok) throw new ApiError(400, 'invalid_period', { period: code }, parsed && !parsed.ok ? [parsed.issue] : undefined);
  return parsed.period;
}

/** An annual year like 2025, or 400 invalid_year. */
export function resolveYear(text: string): number {
  const parsed = /^\d{4}$/.test(text) ? parsePeriod(text) : null;
  if (!parsed?.ok) throw new ApiError(400, 'invalid_year', { year: text }, parsed && !parsed.ok ? [parsed.issue] : undefined);
  return parsed.period.year;
}
