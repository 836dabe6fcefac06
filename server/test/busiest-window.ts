/** A moment something was sent, and how much of the cap it used (1 request, or its segments). */
export interface Stamp {
  at: number;
  weight: number;
}

/** L7: the most weight that falls in any window [t, t + windowMs) of the stamps. */
export function busiestWindow(stamps: Stamp[], windowMs: number): number {
  const sorted = [...stamps].sort((a, b) => a.at - b.at);
  let most = 0;
  let inWindow = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    inWindow += sorted[j].weight;
    while (sorted[j].at - sorted[i].at >= windowMs) inWindow -= sorted[i++].weight;
    most = Math.max(most, inWindow);
  }
  return most;
}
