import { EventBus } from '../common/event-bus.js';
import type { ConsentAction, ConsentSource, ConsentSubjectType } from './consent.enums.js';

// Subjects listed in one event at most; a bigger change (bulk opt-in) says only how many.
export const MAX_LISTED_SUBJECTS = 100;

/** Consent records a committed change wrote in one workspace, all with the same action, source and subject type. */
export interface ConsentChangeSummary {
  workspaceId: string;
  count: number;
  action: ConsentAction;
  source: ConsentSource;
  subjectType: ConsentSubjectType;
  /** The subjects, when at most MAX_LISTED_SUBJECTS; otherwise empty. */
  subjectIds: string[];
  actorLabel: string | null;
  recordedAt: Date;
  /** Set on events relayed from another process, so they are not relayed back. */
  remote?: boolean;
}

/** Where committed consent changes are announced; the consentChanged subscription listens. */
export class ConsentEvents extends EventBus<ConsentChangeSummary> {
  constructor() {
    super('consent-events');
  }
}
