import { findSoffice } from '../libreoffice.js';

/**
 * LibreOffice tests run wherever soffice is installed (CI installs it: scripts/ensure-system.mjs)
 * and are skipped, saying why, only where it is absent.
 */
export const SOFFICE = findSoffice();
if (!SOFFICE) console.warn('LibreOffice (soffice) not found: the LibreOffice workbook tests are skipped. Install it with node scripts/ensure-system.mjs.');
