import { action, json, query } from '@solidjs/router';
import { gql } from '../../lib/graphql';

export interface CodeExplanation {
  code: string;
  source: string;
  title: string;
  meaning: string;
  whatToDo: string;
}

export interface TimelineEvent {
  id: string;
  at: string;
  type: string;
  attempt: number | null;
  code: string | null;
  providerStatus: string | null;
  detail: string | null;
  explanation: CodeExplanation | null;
}

export interface MessageDetail {
  id: string;
  createdAt: string;
  direction: string;
  kind: string;
  status: string;
  skipReason: string | null;
  channel: string | null;
  recipientPhone: string | null;
  senderPhone: string | null;
  recipientTimeZone: string | null;
  holdReason: string | null;
  scheduledFor: string | null;
  subjectStartsAt: string | null;
  attempts: number;
  segments: number | null;
  encoding: string | null;
  providerMessageId: string | null;
  errorCode: string | null;
  errorReason: string | null;
  errorExplanation: CodeExplanation | null;
  studyId: string | null;
  sessionId: string | null;
  shiftId: string | null;
  scheduleWeekId: string | null;
  resendOfId: string | null;
  participant: { id: string; name: string } | null;
  employee: { id: string; name: string } | null;
  history: TimelineEvent[];
}

const EXPLANATION = 'code source title meaning whatToDo';

const DETAIL_QUERY = /* GraphQL */ `
  query ConsoleMessageDetail($id: ID!) {
    commsLogEntry(id: $id) {
      id createdAt direction kind status skipReason channel recipientPhone senderPhone recipientTimeZone holdReason scheduledFor subjectStartsAt
      attempts segments encoding providerMessageId errorCode errorReason errorExplanation { ${EXPLANATION} }
      studyId sessionId shiftId scheduleWeekId resendOfId
      participant { id name }
      employee { id name }
      history { id at type attempt code providerStatus detail explanation { ${EXPLANATION} } }
    }
    messageText(entryId: $id) { text asSent }
  }
`;

const RESEND = /* GraphQL */ `
  mutation ConsoleResendMessage($entryId: ID!, $idempotencyKey: String!) {
    resendMessage(entryId: $entryId, idempotencyKey: $idempotencyKey) { id status }
  }
`;

export const getMessageDetail = query(async (id: string) => {
  const data = await gql<{ commsLogEntry: MessageDetail; messageText: { text: string | null; asSent: boolean } }>(DETAIL_QUERY, { id });
  return { entry: data.commsLogEntry, text: data.messageText };
}, 'messageDetail');

/** L9 (ADMIN): the same key for one click's retries, so a double click resends once. */
export const resendMessage = action(async (entryId: string, idempotencyKey: string) => {
  const data = await gql<{ resendMessage: { id: string; status: string } }>(RESEND, { entryId, idempotencyKey });
  return json(data.resendMessage, { revalidate: getMessageDetail.keyFor(entryId) });
}, 'resendMessage');

export function preloadMessageDetail({ params }: { params: { id?: string } }): void {
  if (params.id) void getMessageDetail(params.id);
}
