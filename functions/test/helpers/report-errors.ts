import './loopback-only.js';
import azf from '@azure/functions';
import { errorResponse } from '../../src/http/error-response.js';
import { readTelemetrySettings } from '../../src/settings/read-telemetry-settings.js';
import { StorageUnavailableError } from '../../src/storage/storage-unavailable-error.js';
import { flushTelemetry, startTelemetry } from '../../src/telemetry/telemetry.js';

/**
 * Run as a process of its own (telemetry tests), with the telemetry settings in its
 * environment: one handler fails with a fault (500), another finds the storage down (503),
 * through the one error handler; then what was reported is flushed. Prints the 500's body.
 */
startTelemetry(readTelemetrySettings(process.env));
const [refOf500 = 'ref-500', refOf503 = 'ref-503'] = process.argv.slice(2);
const fault = errorResponse(
  new TypeError('cannot read the head of jinshan|2025'),
  new azf.InvocationContext({ functionName: 'getConsolidationXlsx', invocationId: refOf500 }),
);
errorResponse(new StorageUnavailableError('read entity: ECONNREFUSED'), new azf.InvocationContext({ functionName: 'getStatus', invocationId: refOf503 }));
await flushTelemetry();
console.log(JSON.stringify({ status: fault.status, body: fault.jsonBody }));
process.exit(0);
