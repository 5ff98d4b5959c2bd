import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { isEntraAuthority, type EntraConfig } from './entra-config.js';

/**
 * What the Office host offers for signing in (src/excel/office-auth.ts; outside Office a
 * browser tab answers no to both).
 */
export interface OfficeAuthHost {
  /** The pane runs inside an Office application. */
  inOffice(): boolean;
  /** Office brokers tokens for the pane: the NestedAppAuth 1.1 requirement set. */
  supportsNestedAppAuth(): boolean;
  /** Opens `url` (same origin as the pane) in an Office dialog; resolves with its first message, rejects when closed. */
  openDialog(url: string): Promise<string>;
}

/**
 * How the pane signs in: `nested` where Office supports nested app authentication (Office signs
 * the user in and brokers the token, no prompt in most cases); inside an older Office, MSAL's
 * standard flow in an Office dialog (a task pane cannot open popups reliably); in a browser tab,
 * MSAL's popup.
 */
export type SignInFlow = 'nested' | 'office-dialog' | 'popup';

export function chooseSignInFlow(host: Pick<OfficeAuthHost, 'inOffice' | 'supportsNestedAppAuth'>): SignInFlow {
  if (host.inOffice()) return host.supportsNestedAppAuth() ? 'nested' : 'office-dialog';
  return 'popup';
}

/** No token without the user: they must sign in (again). Nothing typed in the sheet is touched. */
export class SignInRequiredError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('sign-in required', options);
    this.name = 'SignInRequiredError';
  }
}

/** An interactive sign-in did not finish: the user closed it, the browser blocked the window, or it failed. */
export class SignInFailedError extends Error {
  constructor(
    readonly reason: 'cancelled' | 'popup_blocked' | 'failed',
    options?: { cause?: unknown },
  ) {
    super(`sign-in failed: ${reason}`, options);
    this.name = 'SignInFailedError';
  }
}

/** The redirect page MSAL returns to (dist/auth-redirect.html, the MSAL redirect bridge). */
export const REDIRECT_PAGE = 'auth-redirect.html';
/** The page an Office dialog opens for the standard flow (dist/auth-dialog.html). */
export const DIALOG_PAGE = 'auth-dialog.html';

/**
 * MSAL's configuration. Entra ID authorities use MSAL's Entra protocol; an OpenID provider on
 * loopback (the tests') is a known authority in OIDC mode. The cache is localStorage, so an
 * Office dialog's sign-in and a reopened pane find the account.
 */
export function msalConfiguration(config: EntraConfig, origin: string): Configuration {
  const entra = isEntraAuthority(config.authority);
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: `${origin}/${REDIRECT_PAGE}`,
      ...(entra ? {} : { knownAuthorities: [new URL(config.authority).host] }),
    },
    cache: { cacheLocation: 'localStorage' },
    ...(entra ? {} : { system: { protocolMode: 'OIDC' as const } }),
  };
}

/** What a dialog page sends back to the pane (src/auth/auth-dialog.ts). */
export type DialogMessage = { kind: 'token'; accessToken: string; expiresOn: number } | { kind: 'error'; reason: SignInFailedError['reason'] };

export interface EntraAuth {
  readonly flow: SignInFlow;
  /** Signed in already, silently (an account in MSAL's cache; with NAA, Office's own user)? */
  restore(): Promise<boolean>;
  /** Interactive sign-in (popup, Office dialog, or Office's broker). */
  signIn(): Promise<void>;
  /** An access token for the API, silently; `forceRefresh` after the API refused one. SignInRequiredError otherwise. */
  token(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Forgets the account in this pane (Office's own sign-in is Office's). */
  signOut(): Promise<void>;
}

/** Tokens this close to their end are not handed out: a request sent with one could arrive too late. */
const EXPIRY_MARGIN_MS = 2 * 60 * 1000;

export async function createEntraAuth(config: EntraConfig, host: OfficeAuthHost, origin: string): Promise<EntraAuth> {
  const flow = chooseSignInFlow(host);
  const configuration = msalConfiguration(config, origin);
  const pca: IPublicClientApplication =
    flow === 'nested' ? await createNestablePublicClientApplication(configuration) : await createStandardPublicClientApplication(configuration);
  const scopes = [config.apiScope];
  // Office-dialog flow: the token the dialog sent back, kept in memory only.
  let dialogToken: { accessToken: string; expiresOn: number } | null = null;

  const account = (): AccountInfo | null => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  const remember = (result: AuthenticationResult) => {
    if (result.account) pca.setActiveAccount(result.account);
  };

  const silent = async (forceRefresh: boolean): Promise<string> => {
    if (flow === 'office-dialog' && dialogToken && !forceRefresh && dialogToken.expiresOn - Date.now() > EXPIRY_MARGIN_MS) return dialogToken.accessToken;
    if (forceRefresh) dialogToken = null;
    const known = account();
    try {
      if (known) {
        const result = await pca.acquireTokenSilent({ scopes, account: known, forceRefresh });
        remember(result);
        return result.accessToken;
      }
      // With NAA the user is Office's: the broker answers without an account of ours.
      if (flow === 'nested') {
        const result = await pca.ssoSilent({ scopes });
        remember(result);
        return result.accessToken;
      }
    } catch (error) {
      throw new SignInRequiredError({ cause: error });
    }
    throw new SignInRequiredError();
  };

  return {
    flow,
    async restore() {
      try {
        await silent(false);
        return true;
      } catch {
        return false;
      }
    },
    async signIn() {
      if (flow === 'office-dialog') {
        let message: DialogMessage;
        try {
          message = JSON.parse(await host.openDialog(`${origin}/${DIALOG_PAGE}`)) as DialogMessage;
        } catch (error) {
          throw new SignInFailedError('cancelled', { cause: error });
        }
        if (message.kind !== 'token') throw new SignInFailedError(message.reason);
        dialogToken = { accessToken: message.accessToken, expiresOn: message.expiresOn };
        return;
      }
      try {
        remember(await pca.acquireTokenPopup({ scopes }));
      } catch (error) {
        throw signInFailure(error);
      }
    },
    token: (options = {}) => silent(options.forceRefresh ?? false),
    async signOut() {
      dialogToken = null;
      const known = account();
      pca.setActiveAccount(null);
      await pca.clearCache(known ? { account: known } : undefined).catch(() => undefined);
    },
  };
}

/** MSAL's errors of an interactive sign-in, as the pane tells them apart. */
export function signInFailure(error: unknown): SignInFailedError {
  const code = error instanceof BrowserAuthError || error instanceof InteractionRequiredAuthError ? error.errorCode : '';
  if (code === 'user_cancelled') return new SignInFailedError('cancelled', { cause: error });
  if (code === 'popup_window_error' || code === 'empty_window_error') return new SignInFailedError('popup_blocked', { cause: error });
  return new SignInFailedError('failed', { cause: error });
}
