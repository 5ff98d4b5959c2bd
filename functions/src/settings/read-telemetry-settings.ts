/** Where the functions' logs and errors go besides the host's log (Application Insights). */
export interface TelemetrySettings {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING; null sends nothing anywhere (the local stack). */
  connectionString: string | null;
  /**
   * Ingestion with Entra ID rather than the instrumentation key alone
   * (APPLICATIONINSIGHTS_AUTHENTICATION_STRING "Authorization=AAD[;ClientId=<guid>]", the
   * setting the Functions host reads for its own telemetry): needed when the Application
   * Insights resource refuses local authentication. clientId names a user-assigned identity.
   */
  entra: { clientId: string | null } | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readTelemetrySettings(env: Record<string, string | undefined>): TelemetrySettings {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim() || null;
  if (connectionString !== null && !/(^|;)\s*InstrumentationKey=[^;]+/i.test(connectionString)) {
    throw new Error(
      'setting APPLICATIONINSIGHTS_CONNECTION_STRING must be the connection string of an Application Insights resource (InstrumentationKey=...;IngestionEndpoint=...)',
    );
  }
  const auth = env.APPLICATIONINSIGHTS_AUTHENTICATION_STRING?.trim() || '';
  if (auth === '') return { connectionString, entra: null };
  const parts = new Map(
    auth
      .split(';')
      .filter((p) => p.trim() !== '')
      .map((p) => {
        const [key = '', ...rest] = p.split('=');
        return [key.trim().toLowerCase(), rest.join('=').trim()] as const;
      }),
  );
  if (parts.get('authorization')?.toUpperCase() !== 'AAD') {
    throw new Error(`setting APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be "Authorization=AAD" or "Authorization=AAD;ClientId=<guid>", not "${auth}"`);
  }
  const clientId = parts.get('clientid') || null;
  if (clientId !== null && !GUID.test(clientId))
    throw new Error(`setting APPLICATIONINSIGHTS_AUTHENTICATION_STRING: ClientId must be a GUID, not "${clientId}"`);
  return { connectionString, entra: { clientId: clientId?.toLowerCase() ?? null } };
}
