import { loadCatalogue, type Catalogue } from '@zj/shared';
import { readSettings } from '../settings/read-settings.js';
import type { Settings } from '../settings/settings.js';
import { AzureReturnStore } from '../storage/azure-return-store.js';
import type { ReturnStore } from '../storage/return-store.js';
import { startTelemetry } from '../telemetry/telemetry.js';

/** What every handler works with. Built once per process from the environment. */
export interface Services {
  settings: Settings;
  catalogue: Catalogue;
  store: ReturnStore;
  now: () => Date;
}

let current: Services | null = null;

export function createServices(env: Record<string, string | undefined>): Services {
  const settings = readSettings(env);
  startTelemetry(settings.telemetry);
  return {
    settings,
    catalogue: loadCatalogue(),
    store: new AzureReturnStore(settings.storage, settings.storageTimeoutMs),
    now: () => new Date(),
  };
}

/** The process's services: from process.env on first use, unless a test or the adapter set them. */
export function services(): Services {
  current ??= createServices(process.env);
  return current;
}

export function setServices(next: Services | null): void {
  current = next;
}
