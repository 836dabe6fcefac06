import type { ConsentChange } from '../consent/consent.service.js';
import { ConsentAction, ConsentSubjectType } from '../consent/consent.enums.js';
import type { Participant } from './participant.entity.js';

interface ParticipantSmsState {
  phone: string | null;
  smsConsent: boolean;
}

/** Where a participant's consent change came from; disclosure fields go on GRANTED records only. */
type ConsentContext = Omit<ConsentChange, 'workspaceId' | 'subjectType' | 'subjectId' | 'phone' | 'action'>;

// Consent follows the number: a consented participant whose phone changes, or
// who withdraws, gets a REVOKED record for the old number; a grant is recorded
// for the number it covers. `repeatGrant` records a grant that changes nothing
// (S3: every consenting signup leaves its own evidence).
export function consentTransition(
  participant: Pick<Participant, 'id' | 'workspaceId'> & ParticipantSmsState,
  after: ParticipantSmsState,
  context: ConsentContext,
  repeatGrant = false,
): ConsentChange[] {
  const subject = { workspaceId: participant.workspaceId, subjectType: ConsentSubjectType.PARTICIPANT, subjectId: participant.id };
  const { disclosureVersion, disclosureText, disclosureLanguage, ...common } = context;
  const samePhone = participant.phone === after.phone;
  const changes: ConsentChange[] = [];
  if (participant.smsConsent && (!after.smsConsent || !samePhone)) {
    changes.push({ ...subject, ...common, phone: participant.phone, action: ConsentAction.REVOKED });
  }
  if (after.smsConsent && (repeatGrant || !participant.smsConsent || !samePhone)) {
    changes.push({ ...subject, ...common, disclosureVersion, disclosureText, disclosureLanguage, phone: after.phone, action: ConsentAction.GRANTED });
  }
  return changes;
}
