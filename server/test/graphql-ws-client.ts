import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from './harness.js';

/** A graphql-ws client on the server's /graphql socket, with `closed` resolving to the close code. */
export function connectSocket(server: TestServer, apiKey: string | undefined): { client: Client; closed: Promise<number> } {
  let onClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: server.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: apiKey ? { apiKey } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  return { client, closed };
}

/** Subscribes and hands each result to `onNext`; resolves with a function that ends the subscription. */
export function subscribe<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  onNext: (value: { data?: T | null; errors?: unknown[] }) => void,
): () => void {
  return client.subscribe<T>({ query, variables }, { next: (value) => onNext(value as never), error: (e) => onNext({ errors: Array.isArray(e) ? e : [e] }), complete: () => {} });
}
