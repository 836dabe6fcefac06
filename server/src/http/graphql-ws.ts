import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AbuseServices } from '../abuse/abuse-services.js';
import type { Config } from '../config/config.js';
import { buildContext, type ContextDeps } from '../graphql/context.js';
import { cachedQueryCost, costLimitError } from '../graphql/query-cost.js';
import type { TockMetrics } from '../observability/metrics.js';
import type { ApiKeyService } from '../workspaces/api-key.service.js';
import type { KeyRevocations } from '../workspaces/key-revocations.js';
import { MAX_SOCKET_MESSAGE_BYTES, MessageRate, SocketsPerAddress } from './socket-limits.js';

/** A socket may hold this many subscriptions at once. */
const MAX_SUBSCRIPTIONS_PER_SOCKET = 10;
/** A socket that has not authenticated within this time is closed (4408). */
const CONNECTION_INIT_TIMEOUT_MS = 5_000;
/** Close codes: the key was revoked (A9); the socket sent too many messages (A10). */
export const CLOSE_KEY_REVOKED = 4403;
export const CLOSE_TOO_MANY_MESSAGES = 4429;

interface SocketRules {
  /** The same validation rules HTTP applies (graphql-armor: depth, aliases, tokens, directives). */
  validationRules: readonly ValidationRule[];
  maxCost: number;
  maxTokens: number;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** What the socket server uses. */
export interface SocketDeps {
  config: Pick<Config, 'webSocket'>;
  metrics: Pick<TockMetrics, 'socketOpened' | 'socketClosed' | 'subscriptionStarted' | 'subscriptionEnded'>;
  abuse: Pick<AbuseServices, 'authThrottle' | 'clientIp'>;
  apiKeys: Pick<ApiKeyService, 'authenticate' | 'isRevoked'>;
  keyRevocations: Pick<KeyRevocations, 'subscribe'>;
  context: ContextDeps;
}

type ConnectionParams = { apiKey?: string } & Record<string, unknown>;

// Distinct subscription documents kept parsed and validated: every console tab
// subscribes with the same few, so the sockets share one AST each (tokens and
// locations included) instead of holding a parse of their own.
const MAX_KEPT_DOCUMENTS = 200;

type Checked = { document: DocumentNode; errors: readonly GraphQLError[] };

function documentChecker(schema: GraphQLSchema, rules: SocketRules) {
  const kept = new Map<string, Checked>();
  return (query: string): Checked => {
    const known = kept.get(query);
    if (known) return known;
    const document = parse(query, { maxTokens: rules.maxTokens });
    const checked = { document, errors: validate(schema, document, [...specifiedRules, ...rules.validationRules]) };
    if (kept.size >= MAX_KEPT_DOCUMENTS) kept.delete(kept.keys().next().value!);
    kept.set(query, checked);
    return checked;
  };
}

// A9: the open sockets of each API key, so a revoke can close them.
class SocketsByKey {
  private readonly sockets = new Map<string, Set<WebSocket>>();

  add(apiKeyId: string, socket: WebSocket): void {
    const set = this.sockets.get(apiKeyId) ?? new Set();
    set.add(socket);
    this.sockets.set(apiKeyId, set);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0 && this.sockets.get(apiKeyId) === set) this.sockets.delete(apiKeyId);
    });
  }

  closeAll(apiKeyId: string): void {
    for (const socket of this.sockets.get(apiKeyId) ?? []) socket.close(CLOSE_KEY_REVOKED, 'Forbidden: the API key was revoked');
  }
}

// GraphQL over WebSocket on the HTTP server's /graphql. The socket carries
// subscriptions only (queries and mutations belong on HTTP), under the same
// depth, cost and error-masking rules as HTTP (A4).
export function attachGraphQLWebSocket(deps: SocketDeps, httpServer: Server, schema: GraphQLSchema, rules: SocketRules): { dispose(): Promise<void> } {
  const { authThrottle, clientIp } = deps.abuse;
  const perAddress = new SocketsPerAddress(deps.config.webSocket.maxSocketsPerIp);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    // A10: ws checks each frame's length from its header and closes the socket
    // (1009) before reading a byte more, so no large frame is ever buffered.
    maxPayload: MAX_SOCKET_MESSAGE_BYTES,
    // A10: an IP throttled for failed authentication is refused at the upgrade
    // (429, Retry-After); so is an address at its cap of sockets. The place is
    // taken before the next upgrade is looked at, and given back when the TCP
    // connection closes, however the handshake ends.
    verifyClient: ({ req }, accept) => {
      const ip = clientIp(req);
      const address = ip ?? 'unknown';
      authThrottle.retryAfter(ip).then(
        (seconds) => {
          if (seconds > 0) return accept(false, 429, 'Too Many Requests', { 'Retry-After': String(seconds) });
          if (!perAddress.tryOpen(address)) return accept(false, 429, 'Too many WebSockets from this address');
          req.socket.once('close', () => perAddress.close(address));
          accept(true);
        },
        () => accept(false, 500),
      );
    },
  });
  // O2: open sockets and running subscriptions.
  const live = liveSubscriptions(deps);
  // Registered before graphql-ws's own listener, so it sees every message first.
  wsServer.on('connection', (socket) => {
    deps.metrics.socketOpened();
    socket.once('close', () => deps.metrics.socketClosed());
    const rate = new MessageRate(deps.config.webSocket.maxMessagesPerSecond);
    socket.on('message', () => {
      if (!rate.allow(Date.now())) socket.close(CLOSE_TOO_MANY_MESSAGES, 'Too many messages');
    });
  });
  const byKey = new SocketsByKey();
  const stopRevocations = deps.keyRevocations.subscribe(({ apiKeyId }) => byKey.closeAll(apiKeyId));
  const check = documentChecker(schema, rules);
  const bearer = (params: ConnectionParams | undefined) => (params?.apiKey ? `Bearer ${params.apiKey}` : undefined);
  const cleanup = useServer<ConnectionParams>(
    {
      schema,
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      // A1: an unknown or revoked key closes the socket with 4403 Forbidden.
      onConnect: async (ctx) => {
        const credential = bearer(ctx.connectionParams);
        const actor = await deps.apiKeys.authenticate(credential);
        if (actor.kind !== 'apiKey') {
          await authThrottle.failed(clientIp(ctx.extra.request), credential ?? 'none');
          return false;
        }
        byKey.add(actor.apiKeyId, ctx.extra.socket);
        // A9: a revoke announced while the key was being checked found no socket to close.
        return !(await deps.apiKeys.isRevoked(actor.apiKeyId));
      },
      onSubscribe: (ctx, _id, payload) => {
        let checked: Checked;
        try {
          checked = check(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Could not parse the operation')];
        }
        const { document } = checked;
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [new GraphQLError('Send queries and mutations over HTTP POST /graphql', { extensions: { code: 'BAD_REQUEST' } })];
        }
        // graphql-ws has already put this subscription's id in the table.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per connection`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        if (checked.errors.length) return [...checked.errors];
        try {
          const cost = cachedQueryCost(schema, document, payload.variables ?? undefined, payload.operationName ?? undefined);
          if (cost > rules.maxCost) return [costLimitError(rules.maxCost, cost)];
        } catch (error) {
          return [new GraphQLError(error instanceof Error ? error.message : 'Bad variables', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      onOperation: (ctx, id) => live.started(ctx, id),
      onComplete: (ctx, id) => live.ended(ctx, id),
      // Typed errors keep their codes; anything else is masked as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => rules.formatError(error.toJSON(), error)) } : undefined,
      context: (ctx) =>
        buildContext(deps.context, bearer(ctx.connectionParams), {
          ip: clientIp(ctx.extra.request),
          userAgent: ctx.extra.request.headers['user-agent'] ?? null,
        }),
    },
    wsServer,
  );
  // Registered after graphql-ws's listener: a socket's errors are the client's
  // (a frame over maxPayload, a bad frame, a reset), and ws has already closed
  // it with the right code (1009, 1002); graphql-ws would log each with a stack,
  // which under the big-frame abuse is a log flood (A10).
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', () => {});
  });
  return {
    dispose: async () => {
      stopRevocations();
      await cleanup.dispose();
    },
  };
}

// onComplete also runs for operations refused before they started; only started ones are counted.
function liveSubscriptions(deps: Pick<SocketDeps, 'metrics'>) {
  const started = new WeakMap<object, Set<string>>();
  return {
    started(ctx: object, id: string): undefined {
      const ids = started.get(ctx) ?? new Set<string>();
      started.set(ctx, ids.add(id));
      deps.metrics.subscriptionStarted();
      return undefined;
    },
    ended(ctx: object, id: string): void {
      if (started.get(ctx)?.delete(id)) deps.metrics.subscriptionEnded();
    },
  };
}
