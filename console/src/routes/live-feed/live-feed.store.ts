import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { closeLive, subscribe } from '../../lib/live';
import { apiKey } from '../../lib/session';
import { COMMS_EVENTS, loadLatest, subscriptionFilter, type FeedEntry, type FeedEvent, type FeedFilter } from './live-feed.data';

/** Rows kept in memory; older rows fall off the end. */
export const MAX_ROWS = 500;

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'failed';

export interface FeedRow {
  entry: FeedEntry;
  /** Arrived live (not part of the seed): highlighted. */
  isNew: boolean;
}

/**
 * L4: one graphql-ws subscription feeding a store of rows keyed by entry id.
 * A status change updates its row in place; while paused, events wait in a
 * buffer and are applied on resume.
 */
export function createLiveFeed(filter: Accessor<FeedFilter>) {
  const [feed, setFeed] = createStore<{ rows: FeedRow[] }>({ rows: [] });
  const [connection, setConnection] = createSignal<Connection>('connecting');
  const [seeding, setSeeding] = createSignal(true);
  const [problem, setProblem] = createSignal<unknown>();
  const [paused, setPaused] = createSignal(false);
  const [buffered, setBuffered] = createSignal<FeedEvent[]>([]);

  const apply = (events: FeedEvent[]) =>
    setFeed(
      produce((state) => {
        for (const { entry } of events) {
          const row = state.rows.find((candidate) => candidate.entry.id === entry.id);
          if (row) Object.assign(row.entry, entry);
          else state.rows.unshift({ entry, isNew: true });
        }
        if (state.rows.length > MAX_ROWS) state.rows.length = MAX_ROWS;
      }),
    );

  const seed = async (current: FeedFilter) => {
    setSeeding(true);
    setProblem(undefined);
    try {
      const latest = await loadLatest(current);
      if (current !== filter()) return;
      // Events that arrived while the seed loaded are newer than it: keep them.
      setFeed(
        produce((state) => {
          const known = new Set(state.rows.map((row) => row.entry.id));
          for (const entry of latest) if (!known.has(entry.id)) state.rows.push({ entry, isNew: false });
          if (state.rows.length > MAX_ROWS) state.rows.length = MAX_ROWS;
        }),
      );
    } catch (error) {
      setProblem(error);
    } finally {
      setSeeding(false);
    }
  };

  let generation = 0;
  createEffect(
    on(filter, (current) => {
      const run = ++generation;
      const key = apiKey();
      if (!key) return;
      setFeed({ rows: [] });
      setBuffered([]);
      setConnection('connecting');
      // A fresh socket per filter, so "connected" below always means this subscription's socket.
      closeLive();
      const stop = subscribe<{ commsEvents: FeedEvent }>(key, COMMS_EVENTS, { filter: subscriptionFilter(current) }, {
        next: ({ commsEvents }) => {
          if (paused()) setBuffered((events) => [...events, commsEvents].slice(-MAX_ROWS));
          else apply([commsEvents]);
        },
        error: (message) => {
          setConnection('failed');
          setProblem(new Error(message));
        },
        // graphql-ws passes the socket: its close means the client is retrying.
        connected: (...args: unknown[]) => {
          setConnection('live');
          const socket = args[0];
          if (!(socket instanceof WebSocket)) return;
          socket.addEventListener('close', () => {
            if (run === generation) setConnection((state) => (state === 'failed' ? state : 'reconnecting'));
          });
        },
      });
      void seed(current);
      onCleanup(() => {
        generation++;
        stop();
      });
    }),
  );

  return {
    rows: () => feed.rows,
    connection,
    seeding,
    problem,
    paused,
    waiting: () => buffered().length,
    pause: () => setPaused(true),
    resume: () => {
      const events = buffered();
      setBuffered([]);
      setPaused(false);
      apply(events);
    },
    retrySeed: () => void seed(filter()),
  };
}
