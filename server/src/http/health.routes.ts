import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Config } from '../config/config.js';
import type { TockMetrics } from '../observability/metrics.js';
import { checkReadiness, type DependencyCheck } from '../observability/readiness.js';

/** What the probes read. */
export interface HealthDeps {
  config: Pick<Config, 'env' | 'metricsToken'>;
  metrics: Pick<TockMetrics, 'render'>;
  dependencies: DependencyCheck[];
  /** O3/L6: true once a graceful stop has begun. */
  draining(): boolean;
}

// O3: /healthz says the process is up and nothing more (a liveness probe that
// checked stores would restart healthy processes during a store outage).
// /readyz checks every dependency in use, each within ~2 s, and answers 503
// while draining or when one fails, naming it. O2: /metrics for Prometheus.
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(deps.dependencies, deps.draining());
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  router.get('/metrics', async (req, res) => {
    if (!metricsAllowed(deps, req.get('authorization'))) {
      res.status(deps.config.metricsToken ? 401 : 404).json({ error: deps.config.metricsToken ? 'Bearer METRICS_TOKEN required' : 'Not found' });
      return;
    }
    const { contentType, body } = await deps.metrics.render();
    res.type(contentType).send(body);
  });
  return router;
}

// With METRICS_TOKEN set, a scrape must bear it; without it, metrics are open
// outside production and off in production.
function metricsAllowed(deps: HealthDeps, authorization: string | undefined): boolean {
  const token = deps.config.metricsToken;
  if (!token) return deps.config.env !== 'production';
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
