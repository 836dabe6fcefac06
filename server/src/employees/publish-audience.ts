import { createHash } from 'node:crypto';
import { registerEnumType } from 'type-graphql';

/** C3: who a publish texts. */
export enum PublishAudience {
  /** Employees whose shifts were added, removed or moved since the week was last published (the default). */
  CHANGED = 'CHANGED',
  /** Every employee with shifts that week, changed or not (E6 as first written). */
  EVERYONE = 'EVERYONE',
}
registerEnumType(PublishAudience, { name: 'PublishAudience', description: 'C3: who a publish texts' });

export interface PublishableWeek {
  weekId: string;
  shifts: { startsAt: Date; endsAt: Date }[];
  /** The digest stored when the week was last published; null if it never was. */
  publishedDigest: string | null;
}

export interface PublishPlan {
  /** Weeks whose employee gets SCHEDULE_PUBLISHED. */
  notify: string[];
  /** Weeks whose stored digest must change to what is published now. */
  digests: { weekId: string; digest: string }[];
  /** Employees with shifts whose shifts changed (or were never published). */
  changed: number;
  /** Employees with shifts. */
  everyone: number;
}

// What was published for one employee's week: the shift times only (a note is
// not a change of shift), in start order so the order they were saved in does not matter.
export function shiftsDigest(shifts: PublishableWeek['shifts']): string {
  const times = shifts.map((s) => `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`).sort();
  return createHash('sha256').update(times.join('\n')).digest('hex');
}

// C3 + E6: only employees with shifts are texted (a week with none has nothing
// to announce); by default only those whose shifts differ from the last publish.
export function planPublish(weeks: PublishableWeek[], audience: PublishAudience): PublishPlan {
  const plan: PublishPlan = { notify: [], digests: [], changed: 0, everyone: 0 };
  for (const week of weeks) {
    const digest = shiftsDigest(week.shifts);
    const changed = digest !== week.publishedDigest;
    if (changed) plan.digests.push({ weekId: week.weekId, digest });
    if (week.shifts.length === 0) continue;
    plan.everyone += 1;
    if (changed) plan.changed += 1;
    if (changed || audience === PublishAudience.EVERYONE) plan.notify.push(week.weekId);
  }
  return plan;
}
