import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../gql/graphql';

// The console's only WebSocket code: one graphql-ws client per signed-in key.
// The key travels in connectionParams (the server checks it in onConnect).

let client: Client | null = null;
let clientKey: string | null = null;

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

function clientFor(key: string): Client {
  if (client && clientKey === key) return client;
  void client?.dispose();
  clientKey = key;
  client = createClient({
    url: socketUrl(),
    connectionParams: { apiKey: key },
    lazy: true,
    // C1: retry for as long as the page is open. A refused connection (the
    // server restarting) reaches the client as an error event, not a close
    // event, and graphql-ws gives up on those by default; fatal close codes
    // (a refused key, a bad request) still end the subscription with an error.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: waitBeforeRetry,
  });
  return client;
}

/** 1 s, 2 s, 4 s … capped at 15 s, with jitter so a restarted server is not met by every tab at once. */
function retryDelayMs(retries: number): number {
  return Math.min(15_000, 1000 * 2 ** retries) + Math.floor(Math.random() * 500);
}

const waitBeforeRetry = (retries: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries)));

export interface LiveHandlers<T> {
  next(data: T): void;
  /** The subscription ended for good (a fatal close code or a GraphQL error). */
  error(message: string): void;
  /** The socket is connected; `wasRetry` after a lost connection came back. */
  connected?(wasRetry: boolean): void;
  /** The socket closed; the client is retrying unless `error` follows. */
  closed?(): void;
}

/** Subscribes; returns the function that ends the subscription. */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  key: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  handlers: LiveHandlers<TResult>,
): () => void {
  const live = clientFor(key);
  const offConnected = live.on('connected', (_socket, _payload, wasRetry) => handlers.connected?.(wasRetry));
  const offClosed = live.on('closed', () => handlers.closed?.());
  const unsubscribe = live.subscribe<TResult>(
    { query: document.toString(), variables },
    {
      next: (result) => {
        if (result.errors?.length) handlers.error(result.errors[0].message);
        else if (result.data) handlers.next(result.data as TResult);
      },
      error: (error) => handlers.error(error instanceof Error ? error.message : 'The live connection closed.'),
      complete: () => {},
    },
  );
  return () => {
    offConnected();
    offClosed();
    unsubscribe();
  };
}

export function closeLive(): void {
  void client?.dispose();
  client = null;
  clientKey = null;
}
