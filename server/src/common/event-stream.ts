import type { BusEvent, EventBus } from './event-bus.js';

// A slow subscriber keeps at most this many events; older ones are dropped.
const MAX_BUFFERED = 1000;

/** The events accepted by `accept`, as an async iterator that unsubscribes when the consumer stops. */
export function eventStream<T extends BusEvent>(bus: EventBus<T>, accept: (event: T) => boolean = () => true): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const unsubscribe = bus.subscribe((event) => {
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
