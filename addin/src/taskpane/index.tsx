import { createRoot } from 'react-dom/client';
import { apiBaseUrl } from '../api/api-client.js';
import type { EntraConfig } from '../auth/entra-sign-in.js';
import { officeExcelPort } from '../excel/excel-port.js';
import { officeSsoToken } from '../excel/office-sso.js';
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
  await whenOfficeReady();
  const element = document.getElementById('root');
  if (!element) throw new Error('taskpane.html has no #root');
  createRoot(element).render(
    <App
      excel={officeExcelPort}
      apiBaseUrl={apiBaseUrl(window.location, window.ZJ_CONFIG?.apiBaseUrl)}
      displayLanguage={officeDisplayLanguage()}
      storage={storage()}
      entra={window.ZJ_CONFIG?.entra ?? null}
      entraToken={officeSsoToken}
    />,
  );
}

void start();
