import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/**
 * The page Entra ID returns to (dist/auth-redirect.html, registered as the pane's SPA redirect
 * URI): MSAL's redirect bridge hands the answer to the window that asked, the pane behind a
 * popup or the sign-in dialog, and closes or goes back. It renders nothing of its own.
 */
broadcastResponseToMainFrame().catch(() => {
  document.body.textContent = '登录未完成，请关闭此窗口后重试。Sign-in did not finish: close this window and try again.';
});
