import { describe, expect, it } from 'vitest';
import { plainLateness, planEarlyStarts, type PlannedText } from '../send-plan.js';

const NOW = 1_000_000;
const burst = (count: number, dueAt: number, spreadMs = 0): PlannedText[] =>
  Array.from({ length: count }, (_, i) => ({ id: `t${String(i).padStart(5, '0')}`, dueAt: dueAt + Math.floor((i / count) * spreadMs) }));

describe('send plan (EDF, as late as possible)', () => {
  it('L8: a burst the rate cannot carry starts early, earliest deadline first, each by its due time', () => {
    const texts = burst(100, NOW + 60_000, 1000);
    const starts = planEarlyStarts(texts, 100, NOW);
    const start = (t: PlannedText) => starts.get(t.id) ?? t.dueAt;
    // None later than due, and in deadline order with a full step between them.
    for (const t of texts) expect(start(t)).toBeLessThanOrEqual(t.dueAt);
    const ordered = [...texts].sort((a, b) => start(a) - start(b));
    expect(ordered.map((t) => t.id)).toEqual(texts.map((t) => t.id));
    for (let i = 1; i < ordered.length; i++) expect(start(ordered[i]) - start(ordered[i - 1])).toBeGreaterThanOrEqual(100);
    // No earlier than the burst needs: the last goes at its due time, the first 99 steps before it.
    expect(start(texts.at(-1)!)).toBe(texts.at(-1)!.dueAt);
    expect(start(texts[0])).toBe(texts.at(-1)!.dueAt - 99 * 100);
  });

  it('L8: texts the rate can carry keep their due times', () => {
    const texts = burst(10, NOW + 60_000, 10_000);
    expect(planEarlyStarts(texts, 100, NOW).size).toBe(0);
  });

  it('L8: a start that would be in the past is now', () => {
    const starts = planEarlyStarts(burst(50, NOW + 1000), 100, NOW);
    expect(Math.min(...starts.values())).toBe(NOW);
  });

  it('L8: the plain due-time schedule of the same burst goes late, the last by the whole burst', () => {
    const lateness = plainLateness(burst(100, NOW + 60_000, 1000), 100);
    expect(lateness[0]).toBe(0);
    expect(lateness.at(-1)).toBeGreaterThan(8000);
  });
});
