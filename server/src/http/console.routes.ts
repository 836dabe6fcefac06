import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { Router, type Response } from 'express';

// The console is a single-page app built by `npm run build` into console/dist.
// The server runs from server/src (tsx) or server/dist/src (node), so the build
// is found by walking up to the repository root rather than by a fixed depth.
export function locateConsoleBuild(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'console', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

// S7: the manage-booking link carries a secret token in its path, so pages
// never send a referrer; the rest keeps the console out of frames and sniffing.
function securityHeaders(res: Response): void {
  res.set({
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy':
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  });
}

/** /console: the built console's files, and index.html for every page path so deep links work. */
export function consoleRoutes(buildDir: string | undefined): Router {
  const router = Router();
  router.get('/', (_req, res) => res.redirect(302, '/console/'));
  if (!buildDir) {
    router.use('/console', (_req, res) => {
      res.status(503).type('text/plain').send('The Tock console is not built yet: run `npm run build`, then restart the server.\n');
    });
    return router;
  }
  const indexHtml = join(buildDir, 'index.html');
  if (!existsSync(indexHtml)) return consoleRoutes(undefined);
  router.use('/console', (_req, res, next) => {
    securityHeaders(res);
    next();
  });
  // Scripts and styles shrink to about a third (brotli or gzip, as the browser accepts).
  router.use('/console', compression());
  // Vite fingerprints everything under assets/, so those may be cached for good.
  router.use('/console/assets', express.static(join(buildDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use('/console', express.static(buildDir, { index: false, redirect: false }));
  router.get(['/console', '/console/{*page}'], (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
