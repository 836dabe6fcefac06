import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { closeLive, subscribe } from '../../lib/live';
import { apiKey } from '../../lib/session';
import { COMMS_EVENTS, loadLatest, loadSince, subscriptionFilter, type FeedEntry, type FeedEvent, type FeedFilter } from './live-feed.data';

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
 * buffer and are applied on resume. C1: a lost connection is retried for as
 * long as the page is open, and once it is back the feed fetches what it
 * missed from the log.
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

  // Log entries merged into the rows: known ones updated in place, new ones
  // placed by id (log order), so a back-fill lands where it belongs.
  const merge = (entries: FeedEntry[], isNew: boolean) =>
    setFeed(
      produce((state) => {
        const byId = new Map(state.rows.map((row) => [row.entry.id, row]));
        for (const entry of entries) {
          const row = byId.get(entry.id);
          if (row) Object.assign(row.entry, entry);
          else {
            const added = { entry, isNew };
            state.rows.push(added);
            byId.set(entry.id, added);
          }
        }
        state.rows.sort((a, b) => Number(b.entry.id) - Number(a.entry.id));
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
      merge(latest, false);
    } catch (error) {
      setProblem(error);
    } finally {
      setSeeding(false);
    }
  };

  // After a reconnect: everything logged since the newest row seen (its status
  // may have changed too), and the latest page for status changes of older rows.
  const backfill = async (current: FeedFilter) => {
    const newest = feed.rows[0]?.entry.createdAt;
    try {
      const missed = newest ? await loadSince(current, newest, MAX_ROWS) : [];
      const latest = await loadLatest(current);
      if (current !== filter()) return;
      merge([...latest, ...missed], true);
      setProblem(undefined);
    } catch (error) {
      setProblem(error);
    }
  };

  // Bumped to start the subscription again after it ended for good (Try again).
  const [attempt, setAttempt] = createSignal(0);
  createEffect(
    on([filter, attempt], ([current]) => {
      const key = apiKey();
      if (!key) return;
      let ended = false;
      setFeed({ rows: [] });
      setBuffered([]);
      setConnection('connecting');
      // A fresh socket per filter, so the connection events below are this subscription's.
      closeLive();
      const stop = subscribe(key, COMMS_EVENTS, { filter: subscriptionFilter(current) }, {
        next: ({ commsEvents }) => {
          if (paused()) setBuffered((events) => [...events, commsEvents].slice(-MAX_ROWS));
          else apply([commsEvents]);
        },
        error: (message) => {
          ended = true;
          setConnection('failed');
          setProblem(new Error(message));
        },
        closed: () => {
          if (!ended) setConnection('reconnecting');
        },
        connected: (wasRetry) => {
          setConnection('live');
          if (wasRetry) void backfill(current);
        },
      });
      void seed(current);
      onCleanup(() => {
        ended = true;
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
    /** Try again: a feed that ended starts over; otherwise the log is read again. */
    retry: () => {
      if (connection() === 'failed') setAttempt((n) => n + 1);
      else void seed(filter());
    },
  };
}
