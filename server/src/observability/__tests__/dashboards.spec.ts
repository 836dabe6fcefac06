import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TockMetrics } from '../metrics.js';

const ROOT = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const metricNames = (text: string) => new Set([...text.matchAll(/\btock_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, '')));

describe('the shipped Grafana dashboard and Prometheus alert rules (O2)', () => {
  it('O2: alert on late reminders, provider errors, queue depth and the pumping breaker, using only metrics Tock exports', async () => {
    const metrics = new TockMetrics();
    metrics.watchQueues(async () => [{ name: 'send-message', queued: 1 }]);
    const exported = metricNames((await metrics.render()).body);
    const rules = parse(read('deploy/prometheus/tock-alerts.yml')) as { groups: { rules: { alert: string; expr: string }[] }[] };
    const alerts = rules.groups.flatMap((group) => group.rules);
    expect(alerts.map((rule) => rule.alert)).toEqual(expect.arrayContaining(['TockRemindersLate', 'TockProviderErrorRate', 'TockQueueDepth', 'TockPumpingBreakerTripped']));
    for (const rule of alerts) for (const name of metricNames(rule.expr)) expect(exported, `${rule.alert}: ${name}`).toContain(name);

    const dashboard = JSON.parse(read('deploy/grafana/tock-dashboard.json')) as { panels: { title: string; targets: { expr: string }[] }[] };
    const used = new Set(dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => [...metricNames(target.expr)])));
    for (const name of used) expect(exported, name).toContain(name);
    // Every metric the issue asks for has a panel.
    for (const name of ['tock_texts', 'tock_provider_request_duration_seconds', 'tock_provider_errors', 'tock_job_lag_seconds', 'tock_text_send_delay_seconds', 'tock_jobs', 'tock_rate_limiter_wait_seconds', 'tock_websocket_connections', 'tock_graphql_subscriptions', 'tock_graphql_operation_duration_seconds']) {
      expect([...used].map((n) => n.replace(/_total$/, '')), name).toContain(name);
    }
  });
});
