import { createServer, type Server } from 'node:net';

/** A TCP port free on loopback now (for a server a test starts and must know the port of beforehand). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Ports for an Azurite a test starts on given ports: three free ones, all different. Each is held
 * until all three are found; three calls of freePort() may be given the same port twice (the
 * kernel hands a port closed a moment ago out again), and Azurite then fails to listen.
 */
export async function freeAzuritePorts(): Promise<{ blob: number; queue: number; table: number }> {
  const servers = await Promise.all(
    [0, 1, 2].map(
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const [blob, queue, table] = servers.map((s) => (s.address() as { port: number }).port) as [number, number, number];
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return { blob, queue, table };
}
