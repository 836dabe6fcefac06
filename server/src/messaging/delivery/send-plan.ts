/** A QUEUED text as the planner sees it. */
export interface PlannedText {
  id: string;
  dueAt: number;
}

/**
 * L8, pure: when the texts due in a stretch need longer than the provider's
 * rate allows, start each early enough that all go by their due times, earliest
 * deadline first, and each as late as that allows (no earlier than the burst
 * needs). Walks back from the last due text, giving each `stepMs` of the rate.
 * Returns the start of every text that must go before its due time (never
 * before `now`; a text that cannot make its due time starts at once).
 */
export function planEarlyStarts(texts: PlannedText[], stepMs: number, now: number): Map<string, number> {
  const byDeadline = [...texts].sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  const early = new Map<string, number>();
  let next = Infinity;
  for (let i = byDeadline.length - 1; i >= 0; i--) {
    const text = byDeadline[i];
    const start = Math.min(text.dueAt, next - stepMs);
    next = start;
    if (start < text.dueAt) early.set(text.id, Math.max(now, start));
  }
  return early;
}

/** The plain schedule, each text at its due time in turn, at the same rate: how late each would go (ms, by id). */
export function plainLateness(texts: PlannedText[], stepMs: number): number[] {
  const byDue = [...texts].sort((a, b) => a.dueAt - b.dueAt);
  let free = -Infinity;
  return byDue.map((text) => {
    const start = Math.max(text.dueAt, free);
    free = start + stepMs;
    return start - text.dueAt;
  });
}
