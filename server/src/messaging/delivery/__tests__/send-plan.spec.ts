import { describe, expect, it } from 'vitest';
import { SendPace } from '../send-pace.js';
import { plainLateness, planEarlyStarts, type PlannedText } from '../send-plan.js';
import { SendPlannerService } from '../send-planner.service.js';

const NOW = 1_000_000;
const burst = (count: number, dueAt: number, spreadMs = 0): PlannedText[] =>
  Array.from({ length: count }, (_, i) => ({ id: `t${String(i).padStart(5, '0')}`, dueAt: dueAt + Math.floor((i / count) * spreadMs) }));

describe('send plan (EDF, as late as possible)', () => {
  const t = (id: string, dueAt: number): PlannedText => ({ id, dueAt });
  it.each<[string, PlannedText[], number, number, Record<string, number>]>([
    ['L8: three due at once: each one step before the next, the last at its due time', [t('a', 10_000), t('b', 10_000), t('c', 10_000)], 100, 0, { a: 9800, b: 9900 }],
    ['L8: texts the rate can carry keep their due times', [t('a', 1000), t('b', 2000), t('c', 3000)], 100, 0, {}],
    ['L8: earliest deadline first, whatever order they came in', [t('late', 10_000), t('early', 9950)], 100, 0, { early: 9900 }],
    ['L8: only the crowded stretch moves; a text due well before it keeps its time', [t('a', 1000), t('b', 5000), t('c', 5000)], 100, 0, { b: 4900 }],
    ['L8: a start that would be in the past is now (the text goes at once)', [t('a', 150), t('b', 150), t('c', 150)], 100, 0, { a: 0, b: 50 }],
    ['L8: a burst that ends just in time starts as late as it can, not earlier', [t('a', 5000), t('b', 5050), t('c', 5100)], 100, 0, { a: 4900, b: 5000 }],
  ])('%s', (_name, texts, stepMs, now, expected) => {
    expect(Object.fromEntries(planEarlyStarts(texts, stepMs, now))).toEqual(expected);
  });

  it.each<[string, { sends?: number[]; answers?: number[] }, number]>([
    ['L8: with no sends yet, the plan gives each text the cap\'s step', {}, 11],
    ['L8: a pipeline quicker than the cap leaves the cap\'s step', { sends: [20, 20, 20] }, 11],
    ['L8: a pipeline slower than the cap (20 sends in flight, 1 s each) gives each text its own pace, with the margin', { sends: [1000] }, 55],
    ['L8: slow provider answers hold each of the window\'s 100 places for 1 s + 0.4 s, so a text every 14 ms, with the margin', { sends: [20], answers: [400] }, 15.4],
  ])('%s', (_name, { sends = [], answers = [] }, stepMs) => {
    // The cap: 100 a second over a 1 s window; its step with the margin is 11 ms.
    const pace = new SendPace(20, { windowMs: 1000, perSecond: 100 });
    for (const ms of sends) pace.record(ms);
    for (const ms of answers) pace.recordAnswer(ms);
    const planner = new SendPlannerService(null as never, null as never, { horizonMs: 60_000, stepMs: 11, pace, paceMargin: 1.1 });
    expect(planner.stepMs()).toBeCloseTo(stepMs, 6);
  });

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
