import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { StorageSettings } from '../settings/read-storage-settings.js';
import { startAzurite, type AzuriteHandle } from './start-azurite.js';

/** Where `npm start` keeps Azurite's data: git-ignored (.data/), so it survives a restart. */
export const LOCAL_AZURITE_DIR = fileURLToPath(new URL('../../../.data/azurite', import.meta.url));

/**
 * Makes sure the storage of a loopback connection string answers: uses an Azurite already
 * listening on its ports, or starts one with its data in `location` (.data/azurite unless the
 * AZURITE_LOCATION setting names another folder). Returns the handle of the one it started (to
 * stop on exit), or null. A real storage account (a connection string to one, or its endpoints
 * with Entra ID) needs nothing started.
 */
export async function ensureAzurite(
  storage: StorageSettings,
  log: (line: string) => void,
  location: string = LOCAL_AZURITE_DIR,
): Promise<AzuriteHandle | null> {
  if (storage.kind === 'identity') {
    log(`Storage: ${storage.tableEndpoint} and ${storage.blobEndpoint} with Entra ID (DefaultAzureCredential: az login / azd auth login here): using them.`);
    return null;
  }
  const endpoints = loopbackEndpoints(storage.connectionString);
  if (!endpoints) {
    log('Storage: the connection string names a storage account, not Azurite on loopback: using it.');
    return null;
  }
  if ((await isListening(endpoints.blob)) && (await isListening(endpoints.table))) {
    log(`Storage: Azurite already listens on ports ${endpoints.blob} (blob) and ${endpoints.table} (table): using it.`);
    return null;
  }
  // Its own process group: Ctrl-C stops it through our stop() once, gracefully (start-azurite.ts).
  const azurite = await startAzurite({ location, ports: endpoints, ownProcessGroup: true });
  log(`Storage: Azurite started (pid ${azurite.pid}), blob :${azurite.ports.blob}, table :${azurite.ports.table}, data in ${location}`);
  return azurite;
}

/** Whether the storage of these settings is an Azurite on this machine (a connection string to loopback). */
export function isLocalAzurite(storage: StorageSettings): boolean {
  return storage.kind === 'connection-string' && loopbackEndpoints(storage.connectionString) !== null;
}

/** Blob, queue and table ports when the connection string points at loopback (Azurite). */
function loopbackEndpoints(cs: string): { blob: number; queue: number; table: number } | null {
  const get = (name: string) => new RegExp(`${name}=http://(?:127\\.0\\.0\\.1|localhost):(\\d+)`, 'i').exec(cs);
  const blob = get('BlobEndpoint');
  const table = get('TableEndpoint');
  if (!blob || !table) return null;
  const queue = get('QueueEndpoint');
  return { blob: Number(blob[1]), table: Number(table[1]), queue: queue ? Number(queue[1]) : 10001 };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
