import './loopback-only.js';
import { readStorageSettings } from '../../src/settings/read-storage-settings.js';
import { AzureStorage } from '../../src/storage/azure-storage.js';

/**
 * Run as a process of its own (managed-identity.test.ts), with the environment the app gets in
 * Azure: creates the tables and containers and reads one entity, as the first request does.
 * Prints one JSON line: what it read, or the error.
 */
const storage = new AzureStorage(readStorageSettings(process.env), 10_000);
try {
  await storage.ready();
  const row = await storage.getRow(storage.heads, 'jinshan', '2025');
  console.log(JSON.stringify({ ok: true, row }));
} catch (error) {
  const e = error as Error & { cause?: Error };
  console.log(JSON.stringify({ ok: false, error: `${e.name}: ${e.message}`, cause: e.cause ? `${e.cause.name}: ${e.cause.message}` : null }));
}
process.exit(0);
