import { action, query, redirect } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { graphql } from '../../gql';
import type { ConsoleStudiesQuery } from '../../gql/graphql';
import { ApiError, gql } from '../../lib/graphql';

export type StudySummary = ConsoleStudiesQuery['studies']['nodes'][number];

const STUDIES = graphql(`
  query ConsoleStudies($after: String, $filter: StudyFilter) {
    studies(first: 25, after: $after, filter: $filter) {
      nodes { id name smsRemindersEnabled createdAt sessions { id status startsAt } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

const CREATE_STUDY = graphql(`
  mutation ConsoleCreateStudy($input: CreateStudyInput!) {
    createStudy(input: $input) { id }
  }
`);

export async function fetchStudies(search: string, after?: string): Promise<Connection<StudySummary>> {
  const filter = search.trim() ? { search: search.trim() } : null;
  return (await gql(STUDIES, { filter, after })).studies;
}

export const getStudies = query((search: string) => fetchStudies(search), 'studies');

export function preloadStudies(): void {
  void getStudies('');
}

// A new study opens on its own page; S1: reminders are on unless unticked.
export const createStudy = action(async (form: FormData) => {
  const name = String(form.get('name') ?? '').trim();
  if (!name) throw new ApiError('Give the study a name.', 'BAD_USER_INPUT', 'name');
  const { createStudy: study } = await gql(CREATE_STUDY, {
    input: { name, smsRemindersEnabled: form.get('smsRemindersEnabled') === 'on', idempotencyKey: String(form.get('idempotencyKey')) },
  });
  throw redirect(`/studies/${study.id}`);
}, 'createStudy');
