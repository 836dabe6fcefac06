import { Router } from 'express';
import type { App } from '../app.js';

// /healthz: the process is up. /readyz: it can reach its database and is not
// stopping, so a load balancer may send it traffic.
export function healthRoutes(app: App): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    // O3: a process that is stopping takes no new traffic.
    if (app.draining) return void res.status(503).json({ status: 'draining' });
    try {
      await app.dataSource.query('SELECT 1');
      res.json({ status: 'ready', database: app.dataSource.options.type });
    } catch {
      res.status(503).json({ status: 'unavailable', database: app.dataSource.options.type });
    }
  });
  return router;
}
