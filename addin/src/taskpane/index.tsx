import './zod-without-eval.js';
import { createRoot } from 'react-dom/client';
import { apiBaseUrl } from '../api/api-client.js';
import { createEntraAuth, type EntraAuth } from '../auth/entra-auth.js';
import type { EntraConfig } from '../auth/entra-config.js';
import { officeExcelPort } from '../excel/excel-port.js';
import { officeAuthHost } from '../excel/office-auth.js';
import { whenOfficeReady } from '../excel/office-ready.js';
import { officeDisplayLanguage } from '../excel/requirements.js';
import { App } from './App.js';

/** Written by the build into dist/config.js (scripts/build.ts). */
declare global {
  interface Window {
    ZJ_CONFIG?: { apiBaseUrl?: string; entra?: EntraConfig | null };
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}

async function start(): Promise<void> {
  const { host } = await whenOfficeReady();
  const element = document.getElementById('root');
  if (!element) throw new Error('taskpane.html has no #root');
  const config = window.ZJ_CONFIG?.entra ?? null;
  // Nested app authentication inside an Office that offers it, an Office dialog inside one that
  // does not, a popup in a browser tab (entra-auth.ts). Made once; a failure leaves the pane
  // with what the API's local development mode allows.
  const entra: Promise<EntraAuth> | null = config ? createEntraAuth(config, officeAuthHost(host), window.location.origin) : null;
  entra?.catch((error: unknown) => console.warn('[zj] Entra ID sign-in could not start', error));
  createRoot(element).render(
    <App
      excel={officeExcelPort}
      apiBaseUrl={apiBaseUrl(window.location, window.ZJ_CONFIG?.apiBaseUrl)}
      displayLanguage={officeDisplayLanguage()}
      storage={storage()}
      entra={entra}
    />,
  );
}

void start();
