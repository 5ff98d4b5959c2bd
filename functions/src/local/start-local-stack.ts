import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { services } from '../app/services.js';
import { demoUsers } from '../auth/demo-users.js';
import { DEV_TOKEN_TTL_SECONDS, signDevToken } from '../auth/dev-tokens.js';
import { readSettings } from '../settings/read-settings.js';
import { ensureAzurite, isLocalAzurite } from './ensure-azurite.js';
import { LOCAL_STACK_NOTICE } from './local-stack-notice.js';
import { localEnvironment } from './load-local-settings.js';
import { azuriteStopLine } from './start-azurite.js';
import { assertSafeToServe, type LocalApi, startLocalApi } from './start-local-api.js';

const TASKPANE_DIR = fileURLToPath(new URL('../../../addin/dist', import.meta.url));

/**
 * `npm start`: Azurite (data in .data/azurite), the API on :7071 through the node:http adapter,
 * the task pane from addin/dist, and the demo users' tokens. Ctrl-C stops everything.
 * PORT, HOST, LOG_REQUESTS=1 and AZURITE_LOCATION (Azurite's data folder) in the environment
 * override the defaults.
 */
async function main(): Promise<void> {
  // The handlers first: a signal at any moment, while starting too, stops what has started by
  // then. One that killed this process before they were installed left Azurite running on the
  // data folder, under the next start's Azurite.
  let stopRequested = false;
  let stopNow: (() => Promise<void>) | null = null;
  const onSignal = () => {
    if (stopRequested) return;
    stopRequested = true;
    console.log('\nStopping...');
    void stopNow?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const local = localEnvironment();
  const env = local.env;
  const settings = readSettings(env);
  const host = env.HOST ?? '127.0.0.1';
  // Refused before anything starts (Azurite included): dev tokens off loopback without the opt-in.
  assertSafeToServe(settings, host);
  console.log(`Settings: ${local.settingsPath}`);
  if (local.devSecretPath) console.log(`Dev token secret: ${local.devSecretPath}${local.devSecretCreated ? ' (made now, for this machine only)' : ''}`);
  // A signal while Azurite is being spawned can reach it before it leaves our process group: it
  // then never starts, nothing was stored, and stopping is all that was asked.
  const azurite = await ensureAzurite(settings.storage, (line) => console.log(line), env.AZURITE_LOCATION || undefined).catch((error: unknown) => {
    if (!stopRequested) throw error;
    console.log('Stopped before Azurite started.');
    process.exit(0);
  });
  let api: LocalApi | null = null;
  let stopping: Promise<void> | null = null;
  /** Stops what has started; exits 1 when starting failed or Azurite did not save. */
  const stop = (failed = false) => {
    stopping ??= (async () => {
      await api?.close();
      if (!azurite) process.exit(failed ? 1 : 0);
      // Said, not hidden: a stop that did not save loses the last seconds of writes (Azurite autosaves every 5 s).
      const stopped = await azurite.stop();
      (stopped.saved ? console.log : console.error)(azuriteStopLine(stopped, azurite.location));
      process.exit(stopped.saved && !failed ? 0 : 1);
    })();
    return stopping;
  };
  /** The API, then what it prints: stopped where it is when a signal comes meanwhile. */
  const startTheRest = async (): Promise<void> => {
    api = await startLocalApi({
      env,
      port: Number(env.PORT ?? 7071),
      host,
      staticDir: TASKPANE_DIR,
      ...(env.LOG_REQUESTS ? { log: (line: string) => console.log(line) } : {}),
    });
    if (stopRequested) return;
    const origin = api.url.replace(/\/api$/, '');
    const built = existsSync(TASKPANE_DIR) && readdirSync(TASKPANE_DIR).length > 0;

    console.log(`\nAPI:        ${api.url}   (e.g. GET ${api.url}/parks)`);
    console.log(`API docs:   ${api.url}/openapi.json   (OpenAPI 3.1, from the route table in shared/src/api/routes.ts)`);
    console.log(
      built ? `Task pane:  ${origin}/   (also ${origin}/taskpane/)` : `Task pane:  not built yet: run \`npm run build -w addin\`, then open ${origin}/`,
    );
    if (settings.authMode === 'dev-token') {
      if (settings.devTokensOnLan)
        console.log('\nALLOW_DEV_TOKENS_ON_LAN=yes: dev tokens are accepted from other machines of this network. For a trusted LAN demo only.');
      console.log(`\nDemo users: send  Authorization: Bearer <token>  (valid ${DEV_TOKEN_TTL_SECONDS / 3600} hours; npm start prints new ones)`);
      // The catalogue in force (parks onboarded since the seeds have demo users too).
      for (const user of demoUsers(await services().catalogues.current())) {
        console.log(`\n  ${user.id}  (${user.role}${user.park ? `, ${user.park}` : ''}, ${user.name})`);
        console.log(`  ${await signDevToken(settings.devTokenSecret!, user)}`);
      }
      console.log(`\nTry:  curl -H "Authorization: Bearer <token>" ${api.url}/status/2025`);
    } else {
      console.log(
        `\nAUTH_MODE=${settings.authMode}: sign in with Microsoft Entra ID (tenant ${settings.entra?.tenantId}); roles and parks come from the app roles of each user's token.`,
      );
    }
    if (isLocalAzurite(settings.storage)) console.log(`\n${LOCAL_STACK_NOTICE}`);
    console.log('\nCtrl-C stops the API and Azurite.');
  };
  stopNow = stop;
  if (stopRequested) return stop(); // a signal while Azurite was starting
  try {
    await startTheRest();
  } catch (error) {
    // A stop while starting makes what is still starting fail (storage gone): not an error then.
    if (stopRequested) return;
    console.error(error instanceof Error ? error.message : error);
    await stop(true);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
