import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { App } from '../app/create-app.js';
import { checkReadiness } from '../observability/readiness.js';

// O3: /healthz says the process is up and nothing more (a liveness probe that
// checked stores would restart healthy processes during a store outage).
// /readyz checks every dependency in use, each within ~2 s, and answers 503
// while draining or when one fails, naming it. O2: /metrics for Prometheus.
export function healthRoutes(app: App): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(app.dependencies, app.draining);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  router.get('/metrics', async (req, res) => {
    if (!metricsAllowed(app, req.get('authorization'))) {
      res.status(app.config.metricsToken ? 401 : 404).json({ error: app.config.metricsToken ? 'Bearer METRICS_TOKEN required' : 'Not found' });
      return;
    }
    const { contentType, body } = await app.metrics.render();
    res.type(contentType).send(body);
  });
  return router;
}

// With METRICS_TOKEN set, a scrape must bear it; without it, metrics are open
// outside production and off in production.
function metricsAllowed(app: App, authorization: string | undefined): boolean {
  const token = app.config.metricsToken;
  if (!token) return app.config.env !== 'production';
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
