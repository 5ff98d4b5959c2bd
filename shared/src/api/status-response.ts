import type { ParkStatus } from './park-status.js';

/** GET /status/{period}: every park for the consolidator, only its own for a park's users. */
export interface StatusResponse {
  period: string;
  locked: boolean;
  parks: ParkStatus[];
}
