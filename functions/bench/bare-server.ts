import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The floor of the API bench (measurement only): a bare node:http handler in its own process,
 * as the API runs in its own. GET answers the body in BARE_BODY_FILE (a template as our API
 * answers it); POST reads the request body and answers BARE_POST_FILE (a receipt) with 201. No
 * auth, no storage, no checks: what serving these bytes costs at least. Prints "listening <port>".
 */
const getBody = readFileSync(process.env.BARE_BODY_FILE!);
const postBody = readFileSync(process.env.BARE_POST_FILE!);
const server = createServer((req, res) => {
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': postBody.length });
      res.end(postBody);
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': getBody.length });
  res.end(getBody);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
