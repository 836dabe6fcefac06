import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.js';
import { buildContext } from '../graphql/context.js';

type ConnectionParams = { apiKey?: string } & Record<string, unknown>;

// GraphQL over WebSocket on the HTTP server's /graphql. The socket exists for
// subscriptions: queries and mutations belong on HTTP, where the depth, cost
// and masking rules apply, so they are refused here.
export function attachGraphQLWebSocket(app: App, httpServer: Server, schema: GraphQLSchema): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const bearer = (params: ConnectionParams | undefined) => (params?.apiKey ? `Bearer ${params.apiKey}` : undefined);
  const cleanup = useServer<ConnectionParams>(
    {
      schema,
      // A1: an unknown or revoked key closes the socket with 4403 Forbidden.
      onConnect: async (ctx) => (await app.services.apiKeys.authenticate(bearer(ctx.connectionParams))).kind === 'apiKey',
      onSubscribe: (_ctx, _id, payload) => {
        let operation;
        try {
          operation = getOperationAST(parse(payload.query), payload.operationName);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Could not parse the operation')];
        }
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Send queries and mutations over HTTP POST /graphql', { extensions: { code: 'BAD_REQUEST' } })];
        }
        return undefined;
      },
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
