import { createClient, type Client } from 'graphql-ws';

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
  client = createClient({ url: socketUrl(), connectionParams: { apiKey: key }, lazy: true, retryAttempts: Infinity });
  return client;
}

export interface LiveHandlers<T> {
  next(data: T): void;
  error(message: string): void;
  /** The socket is (re)connected and the subscription is active. */
  connected?(): void;
}

/** Subscribes; returns the function that ends the subscription. */
export function subscribe<T>(key: string, query: string, variables: Record<string, unknown>, handlers: LiveHandlers<T>): () => void {
  const live = clientFor(key);
  const offConnected = handlers.connected ? live.on('connected', handlers.connected) : () => {};
  const unsubscribe = live.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) handlers.error(result.errors[0].message);
        else if (result.data) handlers.next(result.data as T);
      },
      error: (error) => handlers.error(error instanceof Error ? error.message : 'The live connection closed.'),
      complete: () => {},
    },
  );
  return () => {
    offConnected();
    unsubscribe();
  };
}

export function closeLive(): void {
  void client?.dispose();
  client = null;
  clientKey = null;
}
