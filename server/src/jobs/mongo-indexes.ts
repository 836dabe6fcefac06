import { MongoClient, type Collection } from 'mongodb';

// Agenda's MongoDB backend indexes what it queries itself (name, nextRunAt,
// priority, locks). Tock also finds jobs by what they are about: a send job
// by its entry (unique, cancel), a carrier look-up by its employee. Without
// these, each of those lookups reads the whole collection.
export const TOCK_JOB_INDEXES = [
  { key: { name: 1, 'data.entryId': 1 }, name: 'tock_send_by_entry' },
  { key: { name: 1, 'data.employeeId': 1 }, name: 'tock_lookup_by_employee' },
] as const;

/** Creates Tock's indexes on a jobs collection (idempotent: an existing index is left as it is). */
export async function createTockJobIndexes(collection: Pick<Collection, 'createIndexes'>): Promise<void> {
  await collection.createIndexes(TOCK_JOB_INDEXES.map((index) => ({ key: { ...index.key }, name: index.name, sparse: true })));
}

/** Item 7: Tock's indexes on the MongoDB job store at JOBS_URL. */
export async function ensureMongoJobIndexes(url: string, collection = 'agendaJobs'): Promise<void> {
  // O3: the store was just reached; an answer that does not come fails in seconds.
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
    await createTockJobIndexes(client.db().collection(collection));
  } finally {
    await client.close();
  }
}
