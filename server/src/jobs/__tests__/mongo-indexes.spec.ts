import type { Agenda } from 'agenda';
import type { Collection, IndexDescription } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { AgendaMessageScheduler } from '../agenda-message-scheduler.js';
import { CARRIER_LOOKUP_JOB } from '../definitions/carrier-lookup.job.js';
import { SEND_MESSAGE_JOB } from '../definitions/send-message.job.js';
import { createTockJobIndexes, TOCK_JOB_INDEXES } from '../mongo-indexes.js';
import { requestCarrierLookup } from '../tock-jobs.js';

// The fields of a job-store lookup as MongoDB sees it: `data: { entryId }` is `data.entryId`.
function fieldsOf(query: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(query).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !(value instanceof Date) ? fieldsOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

// An Agenda that only notes the lookups Tock asks of its job store: each
// unique() save (the backend adds the job's name) and each cancel.
function recordingAgenda(): { agenda: Agenda; lookups: Record<string, unknown>[] } {
  const lookups: Record<string, unknown>[] = [];
  const agenda = {
    ready: Promise.resolve(),
    create: (name: string) => {
      const job = {
        unique: (query: Record<string, unknown>) => {
          lookups.push({ ...query, name });
          return job;
        },
        schedule: () => job,
        save: async () => job,
      };
      return job;
    },
    cancel: async (query: Record<string, unknown>) => {
      lookups.push(query);
      return 0;
    },
  };
  return { agenda: agenda as unknown as Agenda, lookups };
}

describe('MongoDB job store indexes (item 7)', () => {
  it('Item 7: every job lookup Tock makes by what a job is about (unique saves, cancels) has an index of exactly its fields', async () => {
    const { agenda, lookups } = recordingAgenda();
    const scheduler = new AgendaMessageScheduler(agenda);
    await scheduler.scheduleSend('42', new Date());
    await scheduler.cancelSends(['42']);
    await requestCarrierLookup(agenda, 'employee-1');

    const indexed = TOCK_JOB_INDEXES.map((index) => [...Object.keys(index.key)].sort());
    const needed = lookups.map((lookup) => fieldsOf(lookup).sort());
    expect(needed).toEqual([
      ['data.entryId', 'name'],
      ['data.entryId', 'name'],
      ['data.employeeId', 'name'],
    ]);
    for (const fields of needed) expect(indexed).toContainEqual(fields);
    // The names the lookups use are the jobs the indexes are for.
    expect(lookups.map((lookup) => lookup.name)).toEqual([SEND_MESSAGE_JOB, SEND_MESSAGE_JOB, CARRIER_LOOKUP_JOB]);
  });

  it('Item 7: the indexes are created on the jobs collection, by name (an index that exists is left as it is)', async () => {
    const created: IndexDescription[][] = [];
    const collection = { createIndexes: async (indexes: IndexDescription[]) => (created.push(indexes), indexes.map((i) => String(i.name))) };
    await createTockJobIndexes(collection as unknown as Pick<Collection, 'createIndexes'>);
    expect(created).toEqual([
      [
        { key: { name: 1, 'data.entryId': 1 }, name: 'tock_send_by_entry', sparse: true },
        { key: { name: 1, 'data.employeeId': 1 }, name: 'tock_lookup_by_employee', sparse: true },
      ],
    ]);
  });
});
