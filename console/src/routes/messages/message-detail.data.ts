import { action, json, query } from '@solidjs/router';
import { graphql } from '../../gql';
import type { CodeExplanationFieldsFragment, ConsoleMessageDetailQuery } from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export type MessageDetail = ConsoleMessageDetailQuery['commsLogEntry'];
export type TimelineEvent = MessageDetail['history'][number];
export type CodeExplanation = CodeExplanationFieldsFragment;

graphql(`
  fragment CodeExplanationFields on CodeExplanation {
    code source title meaning whatToDo
  }
`);

const DETAIL_QUERY = graphql(`
  query ConsoleMessageDetail($id: ID!) {
    commsLogEntry(id: $id) {
      id createdAt direction kind status skipReason channel recipientPhone senderPhone recipientTimeZone holdReason scheduledFor subjectStartsAt
      attempts segments encoding providerMessageId errorCode errorReason errorExplanation { ...CodeExplanationFields }
      studyId sessionId shiftId scheduleWeekId resendOfId
      participant { id name }
      employee { id name }
      history { id at type attempt code providerStatus detail explanation { ...CodeExplanationFields } }
    }
    messageText(entryId: $id) { text asSent }
  }
`);

const RESEND = graphql(`
  mutation ConsoleResendMessage($entryId: ID!, $idempotencyKey: String!) {
    resendMessage(entryId: $entryId, idempotencyKey: $idempotencyKey) { id status }
  }
`);

export const getMessageDetail = query(async (id: string) => {
  const data = await gql(DETAIL_QUERY, { id });
  return { entry: data.commsLogEntry, text: data.messageText };
}, 'messageDetail');

/** L9 (ADMIN): the same key for one click's retries, so a double click resends once. */
export const resendMessage = action(async (entryId: string, idempotencyKey: string) => {
  const data = await gql(RESEND, { entryId, idempotencyKey });
  return json(data.resendMessage, { revalidate: getMessageDetail.keyFor(entryId) });
}, 'resendMessage');

export function preloadMessageDetail({ params }: { params: { id?: string } }): void {
  if (params.id) void getMessageDetail(params.id);
}
