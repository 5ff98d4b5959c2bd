import { hasPeriodBegun, parsePeriod, PERIOD_MAX_YEAR, PERIOD_MIN_YEAR, periodStart, type Catalogue, type Issue, type Park, type Period } from '@zj/shared';
import { DomainError } from './domain-error.js';

/** The catalogue's park with this code, or unknown_park. */
export function resolvePark(catalogue: Catalogue, code: string): Park {
  const park = catalogue.parks.find((p) => p.code === code);
  if (!park) throw new DomainError('unknown_park', { park: code });
  return park;
}

/**
 * A period written like 2025 or 2025Q3 (strictly: a route parameter is not a cell), or
 * invalid_period, whose message says so when only the year is out of range (1999).
 */
export function resolvePeriod(code: string): Period {
  const parsed = /^\d{4}(Q[1-4])?$/.test(code) ? parsePeriod(code) : null;
  if (!parsed?.ok) throw refusal('invalid_period', { period: code }, parsed && !parsed.ok ? parsed.issue : null);
  return parsed.period;
}

/** An annual year like 2025, or invalid_year (its message says so when the year is out of range). */
export function resolveYear(text: string): number {
  const parsed = /^\d{4}$/.test(text) ? parsePeriod(text) : null;
  if (!parsed?.ok) throw refusal('invalid_year', { year: text }, parsed && !parsed.ok ? parsed.issue : null);
  return parsed.period.year;
}

/**
 * A return is for a period that has begun (China Standard Time): until then there is nothing to
 * report, so it is neither validated, submitted, uploaded nor kept as a draft (period_not_started,
 * saying from when). Its template may be fetched ahead.
 */
export function assertPeriodBegun(period: Period, now: Date): void {
  if (!hasPeriodBegun(period, now)) throw new DomainError('period_not_started', { period: period.code, start: periodStart(period) });
}

function refusal(code: 'invalid_period' | 'invalid_year', params: Record<string, string>, issue: Issue | null): DomainError {
  if (issue?.code !== 'period_year_out_of_range') return new DomainError(code, params, issue ? { issues: [issue] } : {});
  const range = { ...params, min: PERIOD_MIN_YEAR, max: PERIOD_MAX_YEAR };
  return new DomainError(code, range, {
    issues: [issue],
    messageKey: code === 'invalid_period' ? 'invalid_period_year_out_of_range' : 'invalid_year_out_of_range',
  });
}
