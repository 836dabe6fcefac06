import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.js';
import { buildContext } from '../graphql/context.js';
import { costLimitError, queryCost } from '../graphql/query-cost.js';

/** A socket may hold this many subscriptions at once. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 10;
/** A socket that has not authenticated within this time is closed (4408). */
export const CONNECTION_INIT_TIMEOUT_MS = 5_000;

export interface SocketRules {
  /** The same validation rules HTTP applies (graphql-armor: depth, aliases, tokens, directives). */
  validationRules: readonly ValidationRule[];
  maxCost: number;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

type ConnectionParams = { apiKey?: string } & Record<string, unknown>;

// GraphQL over WebSocket on the HTTP server's /graphql. The socket carries
// subscriptions only (queries and mutations belong on HTTP), under the same
// depth, cost and error-masking rules as HTTP (A4).
export function attachGraphQLWebSocket(app: App, httpServer: Server, schema: GraphQLSchema, rules: SocketRules): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  // O2: open sockets and running subscriptions.
  const live = liveSubscriptions(app);
  wsServer.on('connection', (socket) => {
    app.metrics.socketOpened();
    socket.once('close', () => app.metrics.socketClosed());
  });
  const bearer = (params: ConnectionParams | undefined) => (params?.apiKey ? `Bearer ${params.apiKey}` : undefined);
  const cleanup = useServer<ConnectionParams>(
    {
      schema,
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      // A1: an unknown or revoked key closes the socket with 4403 Forbidden.
      onConnect: async (ctx) => (await app.services.apiKeys.authenticate(bearer(ctx.connectionParams))).kind === 'apiKey',
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Could not parse the operation')];
        }
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [new GraphQLError('Send queries and mutations over HTTP POST /graphql', { extensions: { code: 'BAD_REQUEST' } })];
        }
        // graphql-ws has already put this subscription's id in the table.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per connection`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...rules.validationRules]);
        if (invalid.length) return invalid;
        try {
          const cost = queryCost(schema, document, payload.variables ?? undefined, payload.operationName ?? undefined);
          if (cost > rules.maxCost) return [costLimitError(rules.maxCost, cost)];
        } catch (error) {
          return [new GraphQLError(error instanceof Error ? error.message : 'Bad variables', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        return undefined;
      },
      onOperation: (ctx, id) => live.started(ctx, id),
      onComplete: (ctx, id) => live.ended(ctx, id),
      // Typed errors keep their codes; anything else is masked as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => rules.formatError(error.toJSON(), error)) } : undefined,
      context: (ctx) =>
        buildContext(app, bearer(ctx.connectionParams), {
          ip: ctx.extra.request.socket.remoteAddress ?? null,
          userAgent: ctx.extra.request.headers['user-agent'] ?? null,
        }),
    },
    wsServer,
  );
  return { dispose: async () => void (await cleanup.dispose()) };
}

// onComplete also runs for operations refused before they started; only started ones are counted.
function liveSubscriptions(app: App) {
  const started = new WeakMap<object, Set<string>>();
  return {
    started(ctx: object, id: string): undefined {
      const ids = started.get(ctx) ?? new Set<string>();
      started.set(ctx, ids.add(id));
      app.metrics.subscriptionStarted();
      return undefined;
    },
    ended(ctx: object, id: string): void {
      if (started.get(ctx)?.delete(id)) app.metrics.subscriptionEnded();
    },
  };
}
