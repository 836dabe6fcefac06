import { log } from '../observability/logger.js';

/** Events relayed from another process carry `remote`, so they are not relayed back. */
export interface BusEvent {
  remote?: boolean;
}

type BusListener<T> = (event: T) => void;

/** An in-process announcement bus (the live feed and consent changes); Redis relays it across processes. */
export class EventBus<T extends BusEvent> {
  private readonly listeners = new Set<BusListener<T>>();

  constructor(private readonly name: string) {}

  publish(event: T): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscriber must not stop a send, a consent change or the others.
        log.error({ bus: this.name, err: error }, 'event listener failed');
      }
    }
  }

  /** How many listeners are attached (live subscriptions, relays): lets tests await a subscription. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: BusListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
