import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { isSourceMapPath, PANE_METHODS, paneHeadersOfConfig, paneSecurityHeaders } from '@zj/shared/api';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Without a build's own: the strictest pane headers (shared/src/api/security-headers.ts). */
const DEFAULT_HEADERS = paneSecurityHeaders();

/**
 * The headers the built pane in `dir` is served with: those its build wrote for Static Web Apps
 * (staticwebapp.config.json, e.g. with the sign-in authority it names), read on each request so
 * a rebuild is served as built; the default ones when there is none.
 */
async function headersOf(dir: string): Promise<Record<string, string>> {
  const text = await readFile(join(dir, 'staticwebapp.config.json'), 'utf8').catch(() => null);
  if (text === null) return DEFAULT_HEADERS;
  try {
    return paneHeadersOfConfig(JSON.parse(text)) ?? DEFAULT_HEADERS;
  } catch {
    return DEFAULT_HEADERS;
  }
}

/**
 * Serves the built task pane (addin/dist) under `/`, also under `/taskpane/`, to GET and HEAD
 * only (405 otherwise), never a source map, every answer with the pane's security headers. When
 * it is not built, `/` says how to build it instead of a bare 404.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, dir: string, pathname: string): Promise<void> {
  const headers = await headersOf(dir);
  if (!(PANE_METHODS as readonly string[]).includes((req.method ?? 'GET').toUpperCase())) return notAllowed(res, req.method ?? '', headers);
  const relative = decodeSafe(pathname.replace(/^\/taskpane(?=\/|$)/, '')) ?? '';
  const target = normalize(join(dir, relative));
  if (target !== dir && !target.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return notFound(res, pathname, headers);
  if (isSourceMapPath(target)) return notFound(res, pathname, headers);
  const file = await findFile(target);
  if (!file) {
    if ((await findFile(dir)) === null && (pathname === '/' || pathname.startsWith('/taskpane'))) return notBuilt(res, dir, headers);
    return notFound(res, pathname, headers);
  }
  res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

async function findFile(path: string): Promise<string | null> {
  for (const candidate of [path, join(path, 'index.html'), join(path, 'taskpane.html')]) {
    const s = await stat(candidate).catch(() => null);
    if (s?.isFile()) return candidate;
  }
  return null;
}

function decodeSafe(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse, pathname: string, headers: Record<string, string>): void {
  res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`Not found: ${pathname}\n`);
}

function notAllowed(res: ServerResponse, method: string, headers: Record<string, string>): void {
  res.writeHead(405, { ...headers, allow: PANE_METHODS.join(', '), 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${method} is not allowed here: the task pane's files answer ${PANE_METHODS.join(' and ')} only.\n`);
}

function notBuilt(res: ServerResponse, dir: string, headers: Record<string, string>): void {
  res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><meta charset="utf-8"><title>任务窗格尚未构建 / Task pane not built</title>` +
      `<p>任务窗格尚未构建：${dir} 中没有文件。请先运行 <code>npm run build -w addin</code>，然后刷新本页。</p>` +
      `<p>The task pane is not built: ${dir} has no files. Run <code>npm run build -w addin</code>, then reload.</p>` +
      `<p>API: <a href="/api/parks">/api/parks</a> (needs a bearer token).</p>`,
  );
}
