import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { App } from '../app.js';
import { buildContext, type GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/format-error.js';
import { costLimitPlugin } from '../graphql/query-cost.js';
import { buildTockSchema } from '../graphql/schema.js';
import { accessLog, bindRequestContext } from '../observability/http-logging.js';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin.js';
import { log } from '../observability/logger.js';
import { vonageWebhookRoutes } from '../messaging/webhooks/vonage-webhooks.routes.js';
import { consoleRoutes, locateConsoleBuild } from './console.routes.js';
import { attachGraphQLWebSocket } from './graphql-ws.js';
import { healthRoutes } from './health.routes.js';

export interface RunningServer {
  server: Server;
  url: string;
  schema: GraphQLSchema;
  stop(): Promise<void>;
}

/** A worker-only process answers health probes and nothing else. */
export async function startHealthServer(app: App, port = app.config.port, host = app.config.host): Promise<{ url: string; stop(): Promise<void> }> {
  const expressApp = express();
  expressApp.use(accessLog());
  expressApp.use(healthRoutes(app));
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
export async function startHttpServer(app: App, port = app.config.port, host = app.config.host): Promise<RunningServer> {
  const production = app.config.env === 'production';
  const schema = await buildTockSchema({ comms: app.services.events, consent: app.services.consentEvents });
  const armor = new ApolloArmor({
    maxDepth: { n: app.config.graphql.maxDepth },
    costLimit: { enabled: false }, // see query-cost.ts
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 5000 },
    blockFieldSuggestion: { enabled: production },
  }).protect();

  const expressApp = express();
  expressApp.disable('x-powered-by');
  expressApp.set('trust proxy', 'loopback');
  expressApp.use(accessLog());
  const httpServer = createServer(expressApp);

  const formatError = createFormatError(production, (error) => log.error({ err: error }, 'GraphQL internal error'));
  const graphqlWs = attachGraphQLWebSocket(app, httpServer, schema, {
    validationRules: armor.validationRules,
    maxCost: app.config.graphql.maxCost,
    formatError,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: app.config.graphql.introspection,
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
      costLimitPlugin<GraphQLContext>(app.config.graphql.maxCost),
      graphqlMetricsPlugin<GraphQLContext>(app.metrics),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: () => graphqlWs.dispose() }) },
    ],
  });
  await apollo.start();

  expressApp.use(healthRoutes(app));
  expressApp.use(consoleRoutes(app.config.consoleDir ?? locateConsoleBuild()));
  expressApp.use('/webhooks/vonage', vonageWebhookRoutes(app, { signatureMethod: app.config.vonage.signatureMethod }));
  expressApp.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    bindRequestContext,
    expressMiddleware(apollo, {
      context: ({ req }) =>
        buildContext(app, req.headers.authorization, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null }),
    }),
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
