import type { ParkReturnValues } from '../park-returns.js';

export const ret = (park: string, values: Record<string, number | null>, version = 1, period = '2025'): ParkReturnValues => ({
  park,
  period,
  version,
  values,
});
