import { existsSync, readFileSync } from 'node:fs';
import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSourceMapPath, PANE_METHODS, paneHeadersOfConfig, paneSecurityHeaders } from '@zj/shared/api';

/**
 * The development server Excel loads the add-in from: https://localhost:3000 (the URL of the
 * committed manifest.xml) serving addin/dist, with /api passed on to the local stack
 * (`npm start`, http://127.0.0.1:7071), so the task pane calls its API on its own origin.
 * Excel refuses http and untrusted certificates: the certificate of office-addin-dev-certs
 * (`npx office-addin-dev-certs install`) is used, or ADDIN_CERT / ADDIN_KEY.
 */
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const PORT = Number(process.env.ADDIN_PORT ?? 3000);
const API = new URL(process.env.API_URL ?? 'http://127.0.0.1:7071');
const CERTS = join(homedir(), '.office-addin-dev-certs');
const certFile = process.env.ADDIN_CERT ?? join(CERTS, 'localhost.crt');
const keyFile = process.env.ADDIN_KEY ?? join(CERTS, 'localhost.key');

/** The headers this build was made to be served with (its staticwebapp.config.json), as Static Web Apps would send them. */
const HEADERS = ((): Record<string, string> => {
  try {
    return paneHeadersOfConfig(JSON.parse(readFileSync(join(DIST, 'staticwebapp.config.json'), 'utf8'))) ?? paneSecurityHeaders();
  } catch {
    return paneSecurityHeaders();
  }
})();

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

if (!existsSync(certFile) || !existsSync(keyFile)) {
  console.error(
    `No https certificate at ${certFile}.\n` +
      'Excel loads add-ins over trusted https only. Create and trust a localhost certificate with\n' +
      '  npx office-addin-dev-certs install\n' +
      'or set ADDIN_CERT and ADDIN_KEY to a certificate of your own.',
  );
  process.exit(1);
}
if (!existsSync(join(DIST, 'taskpane.html'))) {
  console.error('addin/dist is empty: run `npm run build:addin` first.');
  process.exit(1);
}

const server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
  const url = new URL(req.url ?? '/', `https://localhost:${PORT}`);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    const upstream = httpRequest(
      { host: API.hostname, port: API.port, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: API.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 'api_unreachable',
            message: { zh: '本地 API 未启动：请先运行 npm start。', en: 'The local API is not running: run npm start first.' },
          },
        }),
      );
    });
    req.pipe(upstream);
    return;
  }
  // The pane's files as Static Web Apps serves them: GET and HEAD only, no source map, its security headers.
  if (!(PANE_METHODS as readonly string[]).includes(req.method ?? '')) {
    res.writeHead(405, { ...HEADERS, allow: PANE_METHODS.join(', '), 'content-type': 'text/plain' });
    res.end('method not allowed');
    return;
  }
  let path: string;
  try {
    path = normalize(join(DIST, decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname)));
  } catch {
    path = '';
  }
  if (!path.startsWith(DIST.endsWith(sep) ? DIST : DIST + sep) || isSourceMapPath(path) || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { ...HEADERS, 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { ...HEADERS, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(path).pipe(res);
});

server.listen(PORT, () => console.log(`Task pane: https://localhost:${PORT}/taskpane.html  (API passed on to ${API.origin})`));
