import { describe, expect, it } from 'vitest';
import { planPublish, PublishAudience, shiftsDigest, type PublishableWeek } from '../publish-audience.js';

const shift = (day: number, from = 9, to = 17) => ({
  startsAt: new Date(Date.UTC(2030, 2, 4 + day, from)),
  endsAt: new Date(Date.UTC(2030, 2, 4 + day, to)),
});
const published = (...shifts: PublishableWeek['shifts']) => shiftsDigest(shifts);

describe('C3: who a publish texts (pure)', () => {
  it.each<[string, PublishableWeek, boolean]>([
    ['never published, with shifts', { weekId: 'w', shifts: [shift(0)], publishedDigest: null }, true],
    ['unchanged', { weekId: 'w', shifts: [shift(0), shift(1)], publishedDigest: published(shift(0), shift(1)) }, false],
    ['unchanged, saved in another order', { weekId: 'w', shifts: [shift(1), shift(0)], publishedDigest: published(shift(0), shift(1)) }, false],
    ['a shift added', { weekId: 'w', shifts: [shift(0), shift(1)], publishedDigest: published(shift(0)) }, true],
    ['a shift removed', { weekId: 'w', shifts: [shift(0)], publishedDigest: published(shift(0), shift(1)) }, true],
    ['a shift moved an hour', { weekId: 'w', shifts: [shift(0, 10, 17)], publishedDigest: published(shift(0)) }, true],
    ['a shift made longer', { weekId: 'w', shifts: [shift(0, 9, 18)], publishedDigest: published(shift(0)) }, true],
  ])('C3: %s → texted by default: %s', (_, week, texted) => {
    const plan = planPublish([week], PublishAudience.CHANGED);
    expect(plan.notify).toEqual(texted ? ['w'] : []);
    expect(plan).toMatchObject({ changed: texted ? 1 : 0, everyone: 1 });
    // EVERYONE texts every employee with shifts, changed or not.
    expect(planPublish([week], PublishAudience.EVERYONE).notify).toEqual(['w']);
  });

  it('C3/E6: a week without shifts is never texted, but what was published is still remembered', () => {
    const emptied: PublishableWeek = { weekId: 'emptied', shifts: [], publishedDigest: published(shift(0)) };
    const never: PublishableWeek = { weekId: 'never', shifts: [], publishedDigest: null };
    for (const audience of [PublishAudience.CHANGED, PublishAudience.EVERYONE]) {
      const plan = planPublish([emptied, never], audience);
      expect(plan).toMatchObject({ notify: [], changed: 0, everyone: 0 });
      expect(plan.digests.map((d) => d.weekId)).toEqual(['emptied', 'never']);
    }
  });

  it('C3: only weeks whose digest differs are stored again', () => {
    const same: PublishableWeek = { weekId: 'same', shifts: [shift(2)], publishedDigest: published(shift(2)) };
    const moved: PublishableWeek = { weekId: 'moved', shifts: [shift(3)], publishedDigest: published(shift(2)) };
    const plan = planPublish([same, moved], PublishAudience.EVERYONE);
    expect(plan.digests).toEqual([{ weekId: 'moved', digest: published(shift(3)) }]);
    expect(plan).toMatchObject({ notify: ['same', 'moved'], changed: 1, everyone: 2 });
  });
});
