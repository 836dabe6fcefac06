import { createServer, connect, type Socket } from 'node:net';

/** A TCP proxy to a database whose client sides can be cut while the server sides stay open. */
export interface CutLinkProxy {
  port: number;
  /** The client sides are destroyed (the client sees "connection lost"); the server keeps running what it was given. */
  cutClients(): void;
  /** Everything closed, both sides. */
  close(): Promise<void>;
}

export async function startCutLinkProxy(target: { host: string; port: number }): Promise<CutLinkProxy> {
  const pairs = new Set<{ client: Socket; server: Socket }>();
  const proxy = createServer((client) => {
    const server = connect(target.port, target.host);
    const pair = { client, server };
    pairs.add(pair);
    client.pipe(server);
    server.pipe(client);
    // A cut client leaves its server side open: only close() ends it.
    client.on('error', () => undefined);
    server.on('error', () => client.destroy());
    server.on('close', () => {
      client.destroy();
      pairs.delete(pair);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as { port: number }).port,
    cutClients() {
      for (const { client, server } of pairs) {
        client.unpipe(server);
        server.unpipe(client);
        // What the server still answers goes nowhere.
        server.resume();
        client.destroy();
      }
    },
    async close() {
      for (const { client, server } of pairs) {
        client.destroy();
        server.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
