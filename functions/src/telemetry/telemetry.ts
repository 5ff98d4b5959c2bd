import type { InvocationContext } from '@azure/functions';
import type { TelemetrySettings } from '../settings/read-telemetry-settings.js';

/** One thing worth an operator's attention: a fault (error) or a degraded dependency (warning). */
export interface AppLogRecord {
  severity: 'warning' | 'error';
  message: string;
  /** Searchable in Application Insights (customDimensions): ref, functionName, invocationId, ... */
  attributes: Record<string, string>;
  /** Sent as an exception (type, message, stack) when given. */
  error?: unknown;
}

/** Where records go beyond the host's log: Application Insights, through OpenTelemetry. */
export interface LogSink {
  emit(record: AppLogRecord): void;
  /** Sends what is queued now rather than at the next batch. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let sink: Promise<LogSink | null> = Promise.resolve(null);
let started: TelemetrySettings | null = null;

/**
 * Starts sending logs and errors to Application Insights when its connection string is set
 * (once per process; a second call with the same settings does nothing). The exporter is
 * loaded only then, so the local stack and a cold start without it never pay for it.
 */
export function startTelemetry(settings: TelemetrySettings): void {
  if (started !== null && started.connectionString === settings.connectionString && started.entra?.clientId === settings.entra?.clientId) return;
  const previous = sink;
  started = settings;
  sink = (async () => {
    await (await previous)?.shutdown();
    if (settings.connectionString === null) return null;
    const { createAzureMonitorSink } = await import('./azure-monitor-sink.js');
    return createAzureMonitorSink(settings.connectionString, settings.entra);
  })().catch((error: unknown) => {
    // Telemetry must never take the API down: say so where the host logs, and go on without it.
    console.error('telemetry: Application Insights could not be started:', error);
    return null;
  });
}

/**
 * Logs a record where the invocation's logs go (the Functions host, which sends them to
 * Application Insights too, or the local adapter's console) and to Application Insights
 * through OpenTelemetry, with its attributes; an error is sent at once, not with the next batch.
 */
export function report(context: InvocationContext, record: AppLogRecord): void {
  const attributes = { functionName: context.functionName, invocationId: context.invocationId, ...record.attributes };
  if (record.severity === 'error') context.error(record.message, ...(record.error === undefined ? [] : [record.error]));
  else context.warn(record.message);
  void sink
    .then((s) => {
      if (!s) return;
      s.emit({ ...record, attributes });
      if (record.severity === 'error') return s.flush();
    })
    .catch(() => undefined);
}

/** Waits until what was reported has been handed to the exporter (tests, shutdown). */
export async function flushTelemetry(): Promise<void> {
  await (await sink)?.flush();
}
