/**
 * Office single sign-on: an Entra ID access token for the add-in's own API, when the manifest
 * has <WebApplicationInfo> (see src/auth/entra-sign-in.ts). Here because only src/excel/ touches
 * the Office globals.
 */
export async function officeSsoToken(): Promise<string> {
  if (typeof Office === 'undefined' || !Office.auth) throw new Error('Office SSO is not available');
  return Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
}
