import type { DayOfUpdate } from '../templates/message-templates.js';

/**
 * One text to many people, decided in a request and recorded by a job (so the
 * request answers at once however many there are). Times travel as ISO strings.
 */
export type FanOutRequest =
  // C3: the weeks to text were decided by the request (only the changed ones, by default).
  | { kind: 'schedule-published'; workspaceId: string; weekStart: string; weekIds: string[]; publishKey: string; at: string }
  | { kind: 'day-of-update'; workspaceId: string; sessionId: string; update: DayOfUpdate; requestKey: string; at: string };

export interface FanOutScheduler {
  requestFanOut(request: FanOutRequest): Promise<void>;
}

/** Recipients recorded (and their jobs scheduled) per transaction; a publish asks for one job per chunk. */
export const FAN_OUT_CHUNK = 500;

/** Progress lines for the log: `done` of `total` recorded. */
export type FanOutLog = (line: string) => void;

/**
 * Awaited after each chunk, with how many recipients of the job are done: the
 * job renews its lock there, so a fan-out of thousands never outlives it.
 */
export type FanOutProgress = (done: number, total: number) => Promise<void>;
