import type { Role } from '@zj/shared';
import type { StorageSettings } from './read-storage-settings.js';
import type { TelemetrySettings } from './read-telemetry-settings.js';

export type AuthMode = 'dev-token' | 'app-service';

/** A user known to the API: the identity's role and, for park roles, the park. */
export interface UserEntry {
  role: Role;
  park: string | null;
  name?: string;
}

/**
 * Everything the functions read from their environment (app settings in Azure, `Values` of
 * local.settings.json locally). Read once by readSettings; nothing else touches process.env.
 */
export interface Settings {
  /** The account of the returns: through the managed identity in Azure, a connection string for Azurite. */
  storage: StorageSettings;
  /** Application Insights, when its connection string is set. */
  telemetry: TelemetrySettings;
  authMode: AuthMode;
  /** HS256 secret of the local demo tokens (dev-token mode only). */
  devTokenSecret: string | null;
  /** Identity (App Service user name or id) → role and park (app-service mode). */
  users: Record<string, UserEntry>;
  maxBodyBytes: number;
  /** Per storage call: a stalled storage account answers 503 after this, not never. */
  storageTimeoutMs: number;
  /** A return is late when nothing was submitted this many days after the period ended. */
  dueDaysAfterPeriodEnd: number;
  /** Origins allowed to call the API from a browser (the task pane); `*` for any. */
  corsOrigins: string[];
}
