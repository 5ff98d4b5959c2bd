import type { AuthMode } from '@zj/shared';
import type { StorageSettings } from './read-storage-settings.js';
import type { TelemetrySettings } from './read-telemetry-settings.js';

export type { AuthMode };

/*
 * How the API knows who calls (AuthMode, shared/src/api/identity.ts):
 * - `dev-token`: HS256 tokens signed with a secret of this machine (`npm start` prints them).
 *   Local development and demos only: refused in Azure, and off loopback without an opt-in.
 * - `entra`: Microsoft Entra ID access tokens, validated here (signature by the tenant's JWKS,
 *   issuer, audience, lifetime, tenant, scope); roles and park from the token's app roles.
 * - `app-service`: App Service Authentication (Easy Auth) validates the token in front of the
 *   app and passes its claims; allowed only where the platform says Easy Auth is on.
 */

/** The Entra ID tenant and the API's registration (entra and app-service modes). */
export interface EntraSettings {
  /** Directory (tenant) id, lower case: the `tid` every token must carry. */
  tenantId: string;
  /** https://login.microsoftonline.com (global) or https://login.partner.microsoftonline.cn (21Vianet); no trailing slash. */
  authorityHost: string;
  /**
   * Accepted `aud` values: the API's application (client) id, which is the audience of every v2
   * access token (the API registration sets requestedAccessTokenVersion 2; README).
   */
  audiences: string[];
  /** The delegated permission the pane asks for (`scp`), e.g. access_as_user. */
  scope: string;
}

/** What the hosting platform says about itself (read, never set, by us). */
export interface PlatformFacts {
  /** Running in Azure App Service / Functions (WEBSITE_SITE_NAME or WEBSITE_INSTANCE_ID is set). */
  inAzure: boolean;
  /** App Service Authentication is on for this app (WEBSITE_AUTH_ENABLED=True). */
  easyAuthEnabled: boolean;
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
  /** dev-token mode: the explicit opt-in to serve other machines (a demo on a trusted LAN). */
  devTokensOnLan: boolean;
  /** The tenant and the API registration (entra and app-service modes); null in dev-token mode. */
  entra: EntraSettings | null;
  /** Whom a user without a role or park should ask (shown in those 403 messages), or null. */
  accessContact: string | null;
  platform: PlatformFacts;
  maxBodyBytes: number;
  /** Per storage call: a stalled storage account answers 503 after this, not never. */
  storageTimeoutMs: number;
  /**
   * How long an instance uses the catalogue version in force without reading its head again: a
   * version published on another instance is in force here at most this long after (0: read
   * the head on every request). docs/performance.md, "The API bench".
   */
  catalogueRefreshMs: number;
  /** A return is late when nothing was submitted this many days after the period ended. */
  dueDaysAfterPeriodEnd: number;
  /** Origins allowed to call the API from a browser (the task pane's, when it is served elsewhere); none by default, never `*` (readCorsOrigins). */
  corsOrigins: string[];
}

/**
 * Every app setting readSettings reads, with what it means (the deployment and its settings
 * cross-check read this list). `platform` ones are set by Azure, never by us.
 */
export const APP_SETTINGS = {
  STORAGE_BLOB_ENDPOINT: "Azure: the returns account's blob endpoint, reached through the managed identity",
  STORAGE_TABLE_ENDPOINT: "Azure: the returns account's table endpoint, reached through the managed identity",
  STORAGE_ACCOUNT_NAME: 'instead of the two endpoints: the account name (global cloud endpoints)',
  AZURE_CLIENT_ID: 'the user-assigned managed identity (its client id)',
  STORAGE_CONNECTION_STRING: 'Azurite only: a connection string (or UseDevelopmentStorage=true)',
  AzureWebJobsStorage: 'Azurite only: the host storage; used for ours when nothing above is set',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'Application Insights, when logs and errors go there',
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Entra ID ingestion into Application Insights (ClientId=…;Authorization=AAD)',
  AUTH_MODE: 'dev-token | entra | app-service; required in Azure (dev-token is refused there)',
  DEV_TOKEN_SECRET: 'dev-token mode: HS256 secret, ≥ 32 characters (npm start generates one into .data/)',
  ALLOW_DEV_TOKENS_ON_LAN: 'dev-token mode: "yes" lets npm start listen beyond loopback (a trusted LAN demo)',
  ENTRA_TENANT_ID: 'entra / app-service: the directory (tenant) id, a GUID',
  ENTRA_API_CLIENT_ID: 'entra / app-service: application (client) id of the API registration (token audience)',
  ENTRA_API_SCOPE: 'entra: the delegated permission the pane requests (default access_as_user)',
  ENTRA_AUTHORITY_HOST: 'entra: https://login.microsoftonline.com (default) or https://login.partner.microsoftonline.cn (21Vianet)',
  ACCESS_CONTACT: 'whom users ask for a role or a park, shown in the 403 messages (e.g. 管委会信息中心 it@example.cn)',
  MAX_BODY_BYTES: 'largest request body (262144)',
  STORAGE_TIMEOUT_MS: 'per storage call (5000)',
  CATALOGUE_REFRESH_MS: 'how long an instance uses the catalogue version in force before reading its head again (5000; 0: every request)',
  DUE_DAYS_AFTER_PERIOD_END: 'a return is late this many days after its period (31)',
  CORS_ORIGINS: 'origins allowed to call the API from a browser (the task pane, when hosted apart): comma-separated https origins; none by default, * refused',
} as const;

/** Set by the Azure platform; read to fail closed, never set by us. */
export const PLATFORM_SETTINGS = {
  WEBSITE_SITE_NAME: 'the App Service / Function App name: present only in Azure',
  WEBSITE_INSTANCE_ID: 'the instance running the app: present only in Azure',
  WEBSITE_AUTH_ENABLED: 'True when App Service Authentication (Easy Auth) is on',
} as const;

export type AppSettingName = keyof typeof APP_SETTINGS | keyof typeof PLATFORM_SETTINGS;
