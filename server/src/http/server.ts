import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { AbuseServices } from '../abuse/abuse-services.js';
import type { Config } from '../config/config.js';
import { buildContext, type GraphQLContext } from '../graphql/context.js';
import type { LiveBuses } from '../graphql/live-pubsub.js';
import { createFormatError } from '../graphql/format-error.js';
import { costLimitPlugin } from '../graphql/query-cost.js';
import { buildTockSchema } from '../graphql/schema.js';
import { accessLog, bindRequestContext } from '../observability/http-logging.js';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin.js';
import { log } from '../observability/logger.js';
import type { TockMetrics } from '../observability/metrics.js';
import { vonageWebhookRoutes, type VonageWebhookDeps } from '../messaging/webhooks/vonage-webhooks.routes.js';
import { consoleRoutes, locateConsoleBuild } from './console.routes.js';
import { attachGraphQLWebSocket, type SocketDeps } from './graphql-ws.js';
import { healthRoutes, type HealthDeps } from './health.routes.js';
import { MAX_TOKENS } from '../graphql/query-cost.js';
import { graphqlBodyErrors } from './graphql-body-errors.js';

// A10: an IP that failed authentication too often is refused (429, Retry-After)
// before its credential is even looked at; requests without one pass.
function authThrottleRoute(authThrottle: AbuseServices['authThrottle']): express.RequestHandler {
  return (req, res, next) => {
    if (!req.headers.authorization) return next();
    authThrottle.retryAfter(req.ip ?? null).then((seconds) => {
      if (seconds === 0) return next();
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .json({ errors: [{ message: 'Too many failed authentications; try again later', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds } }] });
    }, next);
  };
}

/** What one API process serves: GraphQL (HTTP and WebSocket), the webhooks, the console and the probes. */
export interface HttpDeps extends SocketDeps {
  config: Pick<Config, 'env' | 'port' | 'host' | 'graphql' | 'consoleDir' | 'webSocket'> & { vonage: Pick<Config['vonage'], 'signatureMethod'> };
  metrics: TockMetrics;
  abuse: Pick<AbuseServices, 'authThrottle' | 'clientIp' | 'trustProxy'>;
  /** L4: the live event buses subscriptions read. */
  buses: LiveBuses;
  health: HealthDeps;
  webhooks: VonageWebhookDeps;
}

export interface RunningServer {
  server: Server;
  url: string;
  schema: GraphQLSchema;
  stop(): Promise<void>;
}

/** A worker-only process answers health probes and nothing else. */
export async function startHealthServer(health: HealthDeps, port: number, host: string): Promise<{ url: string; stop(): Promise<void> }> {
  const expressApp = express();
  expressApp.use(accessLog());
  expressApp.use(healthRoutes(health));
  const httpServer = createServer(expressApp);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${address.port}`,
    stop: () => new Promise((resolve) => httpServer.close(() => resolve())),
  };
}

/** One HTTP server: GraphQL over HTTP and WebSocket at /graphql, the console, the Vonage webhooks, health probes. */
export async function startHttpServer(deps: HttpDeps, port = deps.config.port, host = deps.config.host): Promise<RunningServer> {
  const production = deps.config.env === 'production';
  const schema = await buildTockSchema(deps.buses);
  const armor = new ApolloArmor({
    maxDepth: { n: deps.config.graphql.maxDepth },
    costLimit: { enabled: false }, // see query-cost.ts
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    // Apollo's parseOptions enforce the token limit (as a 400 parse error, where
    // graphql-armor's plugin throws a 500); the socket parses with the same limit.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();

  const expressApp = express();
  expressApp.disable('x-powered-by');
  // A8: X-Forwarded-For only from TRUSTED_PROXIES (the same check the WebSocket uses).
  expressApp.set('trust proxy', deps.abuse.trustProxy);
  expressApp.use(accessLog());
  const httpServer = createServer(expressApp);

  // O1/K8: the logger keeps no SQL, parameters or phone numbers in production.
  const formatError = createFormatError(production, (error) => log.error({ err: error }, 'GraphQL internal error'));
  const graphqlWs = attachGraphQLWebSocket(deps, httpServer, schema, {
    validationRules: armor.validationRules,
    maxCost: deps.config.graphql.maxCost,
    maxTokens: MAX_TOKENS,
    formatError,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: deps.config.graphql.introspection,
    parseOptions: { maxTokens: MAX_TOKENS },
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown (HTTP, then jobs, then the database); Apollo's own
    // handler would stop and re-raise the signal half-way through it.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    formatError,
    plugins: [
      // graphql-armor's typings resolve Apollo's CommonJS declarations; the
      // plugins are plain hook objects, the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      // Nothing sets cache hints and no CDN reads them; Apollo's default
      // cache-control plugin would wrap every field's resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin<GraphQLContext>(deps.config.graphql.maxCost),
      graphqlMetricsPlugin<GraphQLContext>(deps.metrics),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => graphqlWs.dispose() }) },
    ],
  });
  await apollo.start();

  expressApp.use(healthRoutes(deps.health));
  expressApp.use(consoleRoutes(deps.config.consoleDir ?? locateConsoleBuild()));
  expressApp.use('/webhooks/vonage', vonageWebhookRoutes(deps.webhooks, { signatureMethod: deps.config.vonage.signatureMethod }));
  expressApp.use(
    '/graphql',
    authThrottleRoute(deps.abuse.authThrottle),
    express.json({ limit: '1mb' }),
    bindRequestContext,
    expressMiddleware(apollo, {
      context: ({ req }) =>
        buildContext(deps.context, req.headers.authorization, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null }),
    }),
    graphqlBodyErrors,
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server: httpServer,
    url: `http://${shownHost}:${address.port}`,
    schema,
    stop: () => apollo.stop(),
  };
}
