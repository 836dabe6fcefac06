import type { CommsEvent, CommsEvents } from './comms-events.js';

// A slow subscriber keeps at most this many events; older ones are dropped.
const MAX_BUFFERED = 1000;

/** The events accepted by `accept`, as an async iterator that unsubscribes when the consumer stops. */
export function commsEventStream(events: CommsEvents, accept: (event: CommsEvent) => boolean): AsyncIterableIterator<CommsEvent> {
  const queue: CommsEvent[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const unsubscribe = events.subscribe((event) => {
    if (finished || !accept(event)) return;
    queue.push(event);
    if (queue.length > MAX_BUFFERED) queue.shift();
    wake?.();
  });
  const stop = (): IteratorReturnResult<undefined> => {
    finished = true;
    unsubscribe();
    wake?.();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (queue.length === 0 && !finished) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (finished) return { done: true, value: undefined };
      return { done: false, value: queue.shift()! };
    },
    async return() {
      return stop();
    },
  };
}
