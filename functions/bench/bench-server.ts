import { startLocalApi } from '../src/local/start-local-api.js';

// The API alone, in its own process, so the load generator does not share its event loop.
// Settings come from the environment; prints "listening <port>" once it listens.
const api = await startLocalApi({ env: process.env, port: 0 });
console.log(`listening ${api.port}`);
process.on('SIGTERM', () => void api.close().then(() => process.exit(0)));
