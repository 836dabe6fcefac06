import { BaseNotificationChannel, toJobId, type JobNotification } from 'agenda';
import { Redis } from 'ioredis';
import { WakeUpCoalescer } from './wake-up.coalescer.js';

interface WireNotification {
  jobId: string;
  jobName: string;
  nextRunAt: string | null;
  priority: number;
  timestamp: string;
  source?: string;
}

/**
 * Agenda's NotificationChannel over Redis pub/sub, for Tock's SQL job store:
 * a job saved by one process (an API process) wakes the workers of every other
 * at once instead of at their next poll. The jobs themselves stay in the
 * database, so a notification is only a wake-up: one lost while Redis is away
 * costs a poll interval, never a job.
 *
 * Written on Agenda's BaseNotificationChannel rather than reusing
 * @agendajs/redis-backend's channel, which gives up for good after ten
 * reconnect attempts, keeps a save waiting on ioredis's offline queue while
 * Redis is down, and leaks a subscriber on each failed reconnect. Here ioredis
 * reconnects (and re-subscribes) for as long as it takes; while it is away the
 * state is 'reconnecting', Agenda publishes nothing and workers poll. Bursts
 * of wake-ups are coalesced (see WakeUpCoalescer).
 */
export class RedisJobNotificationChannel extends BaseNotificationChannel {
  private clients: { publisher: Redis; subscriber: Redis } | undefined;
  private connecting: Promise<void> | undefined;
  private readonly wakeUps = new WakeUpCoalescer((notification) => this.notifyHandlers(notification));

  constructor(
    private readonly url: string,
    channelName: string,
  ) {
    // ioredis reconnects by itself; the base class's reconnect loop is not used.
    super({ channelName, reconnect: { enabled: false } });
  }

  // Idempotent: the backend connects it for every process (an API process
  // publishes without ever starting Agenda), and Agenda's start() connects it again.
  connect(): Promise<void> {
    if (this.clients) return this.connecting ?? Promise.resolve();
    const channel = this.config.channelName;
    // A publish while Redis is away fails at once (no offline queue); a stalled Redis answers within the timeout.
    const publisher = new Redis(this.url, { lazyConnect: true, enableOfflineQueue: false, commandTimeout: 500, maxRetriesPerRequest: 0 });
    const subscriber = new Redis(this.url, { lazyConnect: true });
    const clients = { publisher, subscriber };
    this.clients = clients;
    const current = () => this.clients === clients;
    this.setState('connecting');
    subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return;
      const notification = parseNotification(message);
      if (notification) this.wakeUps.push(notification);
    });
    // On every (re)connection: subscribe, and count as connected only once
    // subscribed and able to publish (the two clients reconnect each at its
    // own pace; a wake-up published before the publisher is back would be lost).
    let subscribed = false;
    const connectedIfBoth = () => current() && subscribed && publisher.status === 'ready' && this.setState('connected');
    subscriber.on('ready', () => {
      subscriber.subscribe(channel).then(
        () => {
          subscribed = true;
          connectedIfBoth();
        },
        (error: unknown) => this.reportError(error),
      );
    });
    publisher.on('ready', connectedIfBoth);
    const lost = () => current() && this.setState('reconnecting');
    subscriber.on('close', () => {
      subscribed = false;
      lost();
    });
    publisher.on('close', lost);
    subscriber.on('error', (error: Error) => {
      this.reportError(error);
      if (this._state === 'connecting') lost();
    });
    publisher.on('error', (error: Error) => this.reportError(error));
    // Resolves once subscribed, or once the first attempt failed: a worker
    // starts without Redis and polls until it comes back (ioredis keeps trying).
    this.connecting = new Promise<void>((resolve) => {
      const settled = () => {
        if (this._state === 'connecting') return;
        this.off('stateChange', settled);
        resolve();
      };
      this.on('stateChange', settled);
    }).finally(() => {
      this.connecting = undefined;
    });
    publisher.connect().catch(() => undefined);
    subscriber.connect().catch(() => undefined);
    return this.connecting;
  }

  async disconnect(): Promise<void> {
    const clients = this.clients;
    this.clients = undefined;
    this.handlers.clear();
    this.stateHandlers.clear();
    this.setState('disconnected');
    if (!clients) return;
    clients.subscriber.disconnect();
    clients.publisher.disconnect();
  }

  async publish(notification: JobNotification): Promise<void> {
    const publisher = this.clients?.publisher;
    // Not connected: the job is stored, and the next poll finds it.
    if (this._state !== 'connected' || publisher?.status !== 'ready') return;
    await publisher.publish(this.config.channelName, JSON.stringify(toWire(notification)));
  }

  // 'error' is only emitted to a listener: an EventEmitter with none would throw.
  private reportError(error: unknown): void {
    if (this.listenerCount('error') > 0) this.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}

function toWire(notification: JobNotification): WireNotification {
  return {
    jobId: String(notification.jobId),
    jobName: notification.jobName,
    nextRunAt: notification.nextRunAt?.toISOString() ?? null,
    priority: notification.priority,
    timestamp: notification.timestamp.toISOString(),
    ...(notification.source !== undefined && { source: notification.source }),
  };
}

// A message another process published; anything else on the channel is ignored.
function parseNotification(message: string): JobNotification | null {
  let wire: Partial<WireNotification>;
  try {
    wire = JSON.parse(message) as Partial<WireNotification>;
  } catch {
    return null;
  }
  if (typeof wire.jobId !== 'string' || typeof wire.jobName !== 'string') return null;
  return {
    jobId: toJobId(wire.jobId),
    jobName: wire.jobName,
    nextRunAt: typeof wire.nextRunAt === 'string' ? new Date(wire.nextRunAt) : null,
    priority: typeof wire.priority === 'number' ? wire.priority : 0,
    timestamp: typeof wire.timestamp === 'string' ? new Date(wire.timestamp) : new Date(),
    ...(typeof wire.source === 'string' && { source: wire.source }),
  };
}
