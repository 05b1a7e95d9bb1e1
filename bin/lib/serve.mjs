// A small static file server for the built app, on 127.0.0.1 only. It answers only requests addressed to it by name
// (Host 127.0.0.1:PORT or localhost:PORT: a DNS-rebinding page on another name gets 403) and sends a strict
// Content-Security-Policy that the app passes (docs/extraction.md "The local server").
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/** Content types the app's files need (wasm must be application/wasm for streaming compile). */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The policy of every response: scripts only from the app's origin (plus compiling the AAC encoder's WebAssembly),
 * workers from the origin or blob: (Mediabunny starts its encoder worker from a blob), media and images also from
 * blob: (clips are shown from object URLs), connections to the origin and to the sync API the user configures
 * (https, or a local one on 127.0.0.1/localhost), no plugins, no base or form targets, no framing. Styles allow inline
 * attributes: Lit templates set `style` on elements. index.html carries the same policy in a meta tag (without
 * frame-ancestors, which a meta policy cannot set).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data: https: http://127.0.0.1:* http://localhost:*",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True when the request names this server: Host 127.0.0.1:PORT or localhost:PORT, nothing else. */
export function isOwnHost(host, port) {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The file under `root` a URL path names, or null when it escapes root or does not exist. */
function resolveFile(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.endsWith('/')) path += 'index.html';
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    const st = statSync(full);
    return st.isFile() ? { full, size: st.size } : null;
  } catch {
    return null;
  }
}

/**
 * Serve `root` on 127.0.0.1:`port` (0: any free port). Resolves { server, port, close() };
 * rejects with the listen error (EADDRINUSE when the port is taken).
 */
export function serveStatic(root, port = 0) {
  const server = createServer((req, res) => {
    const own = server.address();
    if (!own || typeof own !== 'object' || !isOwnHost(req.headers.host, own.port)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end('forbidden: this server answers only to 127.0.0.1 and localhost on its own port\n');
      return;
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolveFile(root, req.url ?? '/') : null;
    if (!file) {
      res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME_TYPES[extname(file.full).toLowerCase()] ?? 'application/octet-stream',
      'content-length': file.size,
      'cache-control': 'no-store',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file.full).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolvePromise({
        server,
        port: typeof address === 'object' && address ? address.port : port,
        close: () => new Promise((r) => {
          server.closeAllConnections?.();
          server.close(() => r());
        }),
      });
    });
  });
}
