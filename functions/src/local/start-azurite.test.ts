import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { azuriteStopLine, startAzurite } from './start-azurite.js';

const location = mkdtempSync(join(tmpdir(), 'zj-azurite-stop-'));
afterAll(() => rmSync(location, { recursive: true, force: true }));

describe('how an Azurite stop is reported', () => {
  it('a graceful stop closed its three services and exited 0: saved, and npm start says where', async () => {
    const azurite = await startAzurite({ location });
    const stopped = await azurite.stop();
    expect(stopped).toMatchObject({ saved: true, code: 0, signal: null });
    expect(azuriteStopLine(stopped, location)).toBe(`Azurite stopped; its data is saved in ${location}.`);
  }, 60_000);

  it('a killed Azurite did not save: the line says so, with its last output', async () => {
    const azurite = await startAzurite({ location });
    const stopped = await azurite.kill();
    expect(stopped).toMatchObject({ saved: false, code: null, signal: 'SIGKILL' });
    expect(azuriteStopLine(stopped, location)).toMatch(/^Azurite did not stop cleanly \(signal SIGKILL\): its last seconds of writes may not be saved/);
  }, 60_000);
});
