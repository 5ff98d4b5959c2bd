import { loadCatalogue, type Catalogue } from '@zj/shared';
import { createAuthenticator, type Authenticator } from '../auth/authenticate.js';
import type { EntraVerifierOptions } from '../auth/entra-tokens.js';
import { readSettings } from '../settings/read-settings.js';
import type { Settings } from '../settings/settings.js';
import { AzureReturnStore } from '../storage/azure-return-store.js';
import { CatalogueStore } from '../storage/catalogue-store.js';
import type { CatalogueRepository } from './catalogue-repository.js';
import type { ReturnStore } from '../storage/return-store.js';
import { startTelemetry } from '../telemetry/telemetry.js';

/**
 * What every handler works with. Built once per process from the environment; `catalogue` is
 * the version in force when the request was authorized (withCurrentCatalogue), read from
 * `catalogues` (cached by its head's ETag), so one request works with one version throughout.
 */
export interface Services {
  settings: Settings;
  catalogue: Catalogue;
  catalogues: CatalogueRepository;
  store: ReturnStore;
  /** Who calls, by the configured AUTH_MODE (auth/authenticate.ts). */
  authenticate: Authenticator;
  now: () => Date;
}

export interface ServicesOptions {
  /** Outbound HTTP and key-cache timing of Entra token validation (tests point them at their local provider). */
  entra?: EntraVerifierOptions;
}

let current: Services | null = null;

export function createServices(env: Record<string, string | undefined>, options: ServicesOptions = {}): Services {
  const settings = readSettings(env);
  startTelemetry(settings.telemetry);
  return {
    settings,
    catalogue: loadCatalogue(),
    catalogues: new CatalogueStore(settings.storage, settings.storageTimeoutMs, loadCatalogue, settings.catalogueRefreshMs),
    store: new AzureReturnStore(settings.storage, settings.storageTimeoutMs),
    authenticate: createAuthenticator(settings, options.entra),
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

/** The services with the catalogue version in force now: what a request works with. */
export async function withCurrentCatalogue(svc: Services): Promise<Services> {
  const catalogue = await svc.catalogues.current();
  return catalogue === svc.catalogue ? svc : { ...svc, catalogue };
}
