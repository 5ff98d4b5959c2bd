import net from 'node:net';

/**
 * Imported first by the helper processes that run an Azure SDK against stand-ins on loopback:
 * every connection to anything but loopback fails at once, so nothing here ever reaches out
 * (the Azure Monitor exporter, for one, polls its remote configuration service and the
 * instance metadata endpoint on its own). A refused connection is an ECONNREFUSED error.
 */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i;

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  let host = 'localhost';
  if (typeof options === 'object' && options !== null) {
    // A unix socket (path alone) stays on this machine; otherwise the host it names decides.
    const o = options as { host?: string | null; hostname?: string | null };
    host = o.host || o.hostname || 'localhost';
  } else if (typeof args[1] === 'string') {
    host = args[1];
  }
  if (!LOOPBACK.test(host.replace(/^\[|\]$/g, ''))) {
    process.nextTick(() =>
      this.destroy(Object.assign(new Error(`loopback-only: connection to ${host} refused in this test process`), { code: 'ECONNREFUSED' })),
    );
    return this;
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
