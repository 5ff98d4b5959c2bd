import { createConnection } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '@zj/shared';
import { demoUsers } from '../auth/demo-users.js';
import { signDevToken } from '../auth/dev-tokens.js';
import { readSettings } from '../settings/read-settings.js';
import { loadLocalSettings } from './load-local-settings.js';
import { startAzurite, type AzuriteHandle } from './start-azurite.js';
import { startLocalApi } from './start-local-api.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm start`: Azurite (data in .data/azurite, git-ignored, so it survives a restart), the API
 * on :7071 through the node:http adapter, the task pane from addin/dist, and the demo users'
 * tokens. Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  const local = loadLocalSettings();
  const env: Record<string, string | undefined> = { ...local.values, ...process.env };
  const settings = readSettings(env);
  const port = Number(env.PORT ?? 7071);

  let azurite: AzuriteHandle | null = null;
  const endpoints = loopbackEndpoints(settings.storageConnectionString);
  if (endpoints) {
    if ((await isListening(endpoints.blob)) && (await isListening(endpoints.table))) {
      console.log(`Azurite is already listening on ${endpoints.blob}/${endpoints.table}: using it.`);
    } else {
      const location = `${REPO}.data/azurite`;
      azurite = await startAzurite({ location, ports: { blob: endpoints.blob, table: endpoints.table, queue: endpoints.queue } });
      console.log(`Azurite started (pid ${azurite.pid}), data in ${location}`);
    }
  }

  const staticDir = `${REPO}addin/dist`;
  const api = await startLocalApi({
    env,
    port,
    host: env.HOST ?? '127.0.0.1',
    staticDir,
    log: env.LOG_REQUESTS ? (line) => console.log(line) : undefined,
  });
  const origin = api.url.replace(/\/api$/, '');
  const built = existsSync(staticDir) && readdirSync(staticDir).length > 0;

  console.log(`\nSettings: ${local.path}`);
  console.log(`API:        ${api.url}   (e.g. ${api.url}/parks)`);
  console.log(
    built
      ? `Task pane:  ${origin}/  (also ${origin}/taskpane/)`
      : `Task pane:  not built yet: run \`npm run build -w addin\`, then open ${origin}/`,
  );
  if (settings.authMode === 'dev-token') {
    console.log('\nDemo users (send as  Authorization: Bearer <token>; valid 30 days):');
    for (const user of demoUsers(loadCatalogue())) {
      const token = await signDevToken(settings.devTokenSecret!, user);
      console.log(`\n  ${user.id}  (${user.role}${user.park ? `, ${user.park}` : ''})\n  ${token}`);
    }
  } else {
    console.log('\nAUTH_MODE=app-service: identities come from x-ms-client-principal, mapped by USERS.');
  }
  console.log('\nCtrl-C stops the API and Azurite.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    await api.close();
    await azurite?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Blob, queue and table ports when the connection string points at loopback (Azurite). */
function loopbackEndpoints(cs: string): { blob: number; queue: number; table: number } | null {
  const get = (name: string) => new RegExp(`${name}=http://(127\\.0\\.0\\.1|localhost):(\\d+)`, 'i').exec(cs);
  const blob = get('BlobEndpoint');
  const table = get('TableEndpoint');
  if (!blob || !table) return null;
  const queue = get('QueueEndpoint');
  return { blob: Number(blob[2]), table: Number(table[2]), queue: queue ? Number(queue[2]) : 10001 };
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
