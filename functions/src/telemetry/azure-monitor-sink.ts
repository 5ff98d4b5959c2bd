import { DefaultAzureCredential } from '@azure/identity';
import { AzureMonitorLogExporter } from '@azure/monitor-opentelemetry-exporter';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import type { LogSink } from './telemetry.js';

/** The cloud role name the records carry in Application Insights. */
export const SERVICE_NAME = 'zj-returns-api';

/**
 * Application Insights through OpenTelemetry's logs SDK and the Azure Monitor exporter. An
 * error with its stack arrives as an exception (exception.type / message / stacktrace), a
 * warning as a trace; attributes become customDimensions. With `entra`, the exporter
 * authenticates with the managed identity (Application Insights with local authentication
 * disabled). Only the logs pipeline: the Functions host already reports requests, and module
 * auto-instrumentation cannot patch code bundled into the deployment package.
 */
export function createAzureMonitorSink(connectionString: string, entra: { clientId: string | null } | null): LogSink {
  const exporter = new AzureMonitorLogExporter({
    connectionString,
    ...(entra ? { credential: new DefaultAzureCredential(entra.clientId ? { managedIdentityClientId: entra.clientId } : {}) } : {}),
  });
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }),
    processors: [new BatchLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('zj-functions');
  // The SDK answers a flush asked while another runs at once, without waiting: chain them, so
  // each one returns once what was emitted before it has been sent.
  let flushed: Promise<void> = Promise.resolve();
  return {
    emit(record) {
      const error = record.error instanceof Error ? record.error : record.error === undefined ? null : new Error(String(record.error));
      logger.emit({
        severityNumber: record.severity === 'error' ? SeverityNumber.ERROR : SeverityNumber.WARN,
        severityText: record.severity === 'error' ? 'ERROR' : 'WARN',
        body: record.message,
        attributes: {
          ...record.attributes,
          ...(error
            ? { 'exception.type': error.name, 'exception.message': error.message, 'exception.stacktrace': error.stack ?? `${error.name}: ${error.message}` }
            : {}),
        },
      });
    },
    flush() {
      flushed = flushed.catch(() => undefined).then(() => provider.forceFlush());
      return flushed;
    },
    shutdown: () => provider.shutdown(),
  };
}
