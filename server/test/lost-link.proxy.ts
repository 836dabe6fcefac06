import { createServer, connect, type Socket } from 'node:net';

/** A statement held back on its way to the database, its client's link already cut. */
export interface HeldStatement {
  /** Sends it to the database now; resolves once the database has answered it (so it has run, and committed if it autocommits). */
  deliver(): Promise<void>;
}

/**
 * A TCP proxy to MariaDB that loses the link of one chosen statement the two
 * ways a KILL or a broken link can: its answer lost (it ran; the client sees
 * "connection lost"), or the statement itself held back and run only after
 * the client has given up on it. The first statement whose bytes hold
 * `marker` is chosen; every other statement passes through.
 */
export interface LostLinkProxy {
  port: number;
  /** The statement runs; its answer never reaches the client, whose link is cut. Resolves once it has run. */
  loseAnswerTo(marker: string): Promise<void>;
  /** The client's link is cut before the statement reaches the database; it runs when delivered. */
  holdBack(marker: string): Promise<HeldStatement>;
  close(): Promise<void>;
}

type Fate = { marker: string; kind: 'answer-lost'; done: () => void } | { marker: string; kind: 'held'; done: (held: HeldStatement) => void };

export async function startLostLinkProxy(target: { host: string; port: number }): Promise<LostLinkProxy> {
  const links = new Set<{ client: Socket; server: Socket }>();
  let next: Fate | null = null;
  const proxy = createServer((client) => {
    const server = connect(target.port, target.host);
    const link = { client, server };
    links.add(link);
    let held: Buffer[] | null = null;
    let answerLost: (() => void) | null = null;
    client.on('data', (chunk) => {
      if (held) return void held.push(chunk);
      const fate = next && chunk.includes(next.marker) ? next : null;
      if (fate?.kind === 'held') {
        next = null;
        const bytes = (held = [chunk]);
        client.destroy();
        fate.done({
          deliver: () =>
            new Promise<void>((resolve) => {
              server.once('data', () => resolve());
              server.write(Buffer.concat(bytes));
            }),
        });
        return;
      }
      if (fate?.kind === 'answer-lost') {
        next = null;
        answerLost = fate.done;
      }
      server.write(chunk);
    });
    server.on('data', (chunk) => {
      if (answerLost) {
        client.destroy();
        answerLost();
        answerLost = null;
        return;
      }
      if (!client.destroyed) client.write(chunk);
    });
    client.on('error', () => undefined);
    server.on('error', () => client.destroy());
    server.on('close', () => {
      client.destroy();
      links.delete(link);
    });
    // A link cut before its held statement ran stays open on the database's side, to run it.
    client.on('close', () => {
      if (!held) server.destroy();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as { port: number }).port,
    loseAnswerTo: (marker) => new Promise((done) => (next = { marker, kind: 'answer-lost', done })),
    holdBack: (marker) => new Promise((done) => (next = { marker, kind: 'held', done })),
    async close() {
      for (const { client, server } of links) {
        client.destroy();
        server.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
