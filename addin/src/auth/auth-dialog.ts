import { createStandardPublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';
import { messageParent } from '../excel/office-auth.js';
import { whenOfficeReady } from '../excel/office-ready.js';
import { msalConfiguration, signInFailure, type DialogMessage } from './entra-auth.js';

/**
 * The page an Office dialog opens when Office has no nested app authentication
 * (dist/auth-dialog.html): MSAL's standard redirect flow, which a dialog, a top-level window,
 * can do. A token already in MSAL's cache comes back at once; otherwise the user signs in,
 * Entra ID returns to auth-redirect.html, which brings the answer back here, and the token goes
 * to the pane (messageParent). Nothing is sent anywhere else.
 */
async function main(): Promise<void> {
  await whenOfficeReady();
  const send = (message: DialogMessage) => messageParent(JSON.stringify(message));
  const config = window.ZJ_CONFIG?.entra;
  if (!config) return send({ kind: 'error', reason: 'failed' });
  const scopes = [config.apiScope];
  const tokenOf = (result: AuthenticationResult): DialogMessage => ({
    kind: 'token',
    accessToken: result.accessToken,
    expiresOn: result.expiresOn?.getTime() ?? Date.now() + 3600_000,
  });
  try {
    const pca = await createStandardPublicClientApplication(msalConfiguration(config, window.location.origin));
    const returned = await pca.handleRedirectPromise();
    if (returned) {
      if (returned.account) pca.setActiveAccount(returned.account);
      return send(tokenOf(returned));
    }
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    if (account) {
      const cached = await pca.acquireTokenSilent({ scopes, account }).catch(() => null);
      if (cached) return send(tokenOf(cached));
    }
    await pca.acquireTokenRedirect({ scopes, redirectStartPage: window.location.href });
  } catch (error) {
    send({ kind: 'error', reason: signInFailure(error).reason });
  }
}

void main();
