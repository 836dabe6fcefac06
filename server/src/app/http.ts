import type { ContextDeps } from '../graphql/context.js';
import { createLoaders } from '../graphql/loaders.js';
import { startHealthServer as serveHealth, startHttpServer as serveHttp, type HttpDeps, type RunningServer } from '../http/server.js';
import type { HealthDeps } from '../http/health.routes.js';
import type { App } from './create-app.js';

// What the GraphQL transport gets: the caller's authentication, the services
// resolvers call, a few plain settings, and per-request loaders (the data
// source stays here).
function contextDeps({ config, dataSource, providers, services }: App): ContextDeps {
  return {
    services,
    settings: {
      publicUrl: config.publicUrl,
      defaultPhoneCountry: config.defaultPhoneCountry,
      delivery: {
        smsChannel: providers.sms?.channel ?? null,
        emailFallback: providers.emailGateway !== null,
        defaultSender: config.vonage.from ?? null,
      },
    },
    authenticate: (authorization) => services.apiKeys.authenticate(authorization),
    authenticationFailed: (ip, authorization) => services.abuse.authThrottle.failed(ip, authorization),
    loaders: (workspaceId) => createLoaders(dataSource, workspaceId),
  };
}

function healthDeps(app: App): HealthDeps {
  return { config: app.config, metrics: app.metrics, dependencies: app.dependencies, draining: () => app.draining };
}

/** The narrow pieces of the app that the HTTP and WebSocket servers use. */
function httpDeps(app: App): HttpDeps {
  const { config, metrics, services } = app;
  return {
    config,
    metrics,
    abuse: services.abuse,
    apiKeys: services.apiKeys,
    keyRevocations: services.keyRevocations,
    buses: { comms: services.events, consent: services.consentEvents, alerts: services.workspaceAlerts },
    context: contextDeps(app),
    health: healthDeps(app),
    webhooks: { config, inbound: services.inbound, receipts: services.deliveryReceipts },
  };
}

/** GraphQL over HTTP and WebSocket, the console, the Vonage webhooks and the probes, for this app. */
export function startHttpServer(app: App, port = app.config.port, host = app.config.host): Promise<RunningServer> {
  return serveHttp(httpDeps(app), port, host);
}

/** A worker-only process answers health probes and nothing else. */
export function startHealthServer(app: App, port = app.config.port, host = app.config.host): Promise<{ url: string; stop(): Promise<void> }> {
  return serveHealth(healthDeps(app), port, host);
}
