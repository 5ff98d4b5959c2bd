import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSettings } from '../settings/read-settings.js';
import { buildPackage } from '../package/build-package.js';
import { ensureAzurite } from './ensure-azurite.js';
import { azuriteStopLine } from './start-azurite.js';
import { localEnvironment } from './load-local-settings.js';

const FUNCTIONS_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `npm run start:func`: the deployment package (`npm run package`) in the real Functions host
 * (`func start` in dist/package), where Azure Functions Core Tools are installed: builds the
 * package, gives it local.settings.json, makes sure Azurite runs, starts func.
 */
async function main(): Promise<void> {
  // The handlers first, as in start-local-stack.ts: a signal while starting stops what started.
  let stopRequested = false;
  let stopNow: () => void = () => undefined;
  const onSignal = () => {
    stopRequested = true;
    stopNow();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const func = findFunc();
  if (!func) {
    console.error(
      'Azure Functions Core Tools (`func`) are not installed here. Install them ' +
        '(https://learn.microsoft.com/azure/azure-functions/functions-run-local), or use `npm start`, ' +
        'which serves the same functions through the local node:http adapter.',
    );
    process.exit(1);
  }
  if (!existsSync(`${FUNCTIONS_DIR}local.settings.json`)) {
    copyFileSync(`${FUNCTIONS_DIR}local.settings.json.example`, `${FUNCTIONS_DIR}local.settings.json`);
    console.log('Created functions/local.settings.json from the example (it is git-ignored).');
  }
  // The generated dev secret reaches the host through its environment (it is not in the settings file).
  const { env } = localEnvironment();
  const settings = readSettings(env);
  const address = bindAddressArgs(func, settings.authMode === 'dev-token' && !settings.devTokensOnLan);
  const built = await buildPackage();
  copyFileSync(`${FUNCTIONS_DIR}local.settings.json`, join(built.dir, 'local.settings.json'));
  console.log(`Built the package of ${built.modules.length} function modules into functions/dist/package/.`);
  const azurite = await ensureAzurite(settings.storage, (line) => console.log(line), env.AZURITE_LOCATION || undefined);
  const stopAzuriteAndExit = async (code: number) => {
    const stopped = await azurite?.stop();
    if (stopped) (stopped.saved ? console.log : console.error)(azuriteStopLine(stopped, azurite!.location));
    process.exit(stopped && !stopped.saved ? 1 : code);
  };
  if (stopRequested) return stopAzuriteAndExit(0);
  const child = spawn(func, ['start', '--port', process.env.PORT ?? '7071', ...address], { cwd: built.dir, stdio: 'inherit', env: { ...process.env, ...env } });
  stopNow = () => child.kill('SIGINT');
  child.on('exit', (code) => void stopAzuriteAndExit(code ?? 0));
}

/**
 * Dev tokens stay on loopback under the real host too. Core Tools with `--address` bind where
 * told (127.0.0.1 by default since mid-2026); older ones bind to every interface, which would let
 * the LAN in with dev tokens: refused unless ALLOW_DEV_TOKENS_ON_LAN=yes.
 */
function bindAddressArgs(func: string, loopbackOnly: boolean): string[] {
  if (!loopbackOnly) return [];
  const help = spawnSync(func, ['start', '--help'], { encoding: 'utf8' });
  if (`${help.stdout}${help.stderr}`.includes('--address')) return ['--address', '127.0.0.1'];
  throw new Error(
    'This version of Azure Functions Core Tools cannot be told to listen on 127.0.0.1 only (no --address option), so dev tokens would be open to the network. ' +
      'Update Core Tools, use AUTH_MODE=entra, use `npm start`, or set ALLOW_DEV_TOKENS_ON_LAN=yes on a network you trust.',
  );
}

function findFunc(): string | null {
  const local = fileURLToPath(new URL('../../../node_modules/.bin/func', import.meta.url));
  if (existsSync(local)) return local;
  return spawnSync('sh', ['-c', 'command -v func'], { encoding: 'utf8' }).stdout.trim() || null;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
