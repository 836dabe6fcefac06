import type { DataSource } from 'typeorm';
import { normalisePhone } from '../common/phone.util.js';
import { badInput, notFound } from '../common/tock-error.js';
import type { ConsentService } from '../consent/consent.service.js';
import { requireConsentStatement } from '../consent/consent-statement.util.js';
import { ConsentSource } from '../consent/consent.enums.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { WorkspaceActor } from '../common/actor.js';
import { paginate, type ConnectionShape, type Page } from '../db/paginate.js';
import { consentTransition } from './consent-transition.js';
import { likePattern } from '../db/like-pattern.util.js';
import { Participant } from './participant.entity.js';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { ConsentAction } from '../consent/consent.enums.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import type { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';

interface ParticipantQuery {
  search?: string | null;
  hasPhone?: boolean | null;
  smsConsent?: boolean | null;
}

interface ManualConsentChange {
  participantId: string;
  granted: boolean;
  phone?: string | null;
  attestation?: string | null;
}

export class ParticipantService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly defaultPhoneCountry: string,
    private readonly delivery: DeliveryService,
    private readonly optInConfirmations: OptInConfirmations,
  ) {}

  /** A2: another workspace's participant answers NOT_FOUND, exactly like a missing one. */
  async get(workspaceId: string, id: string): Promise<Participant> {
    const participant = await this.dataSource.getRepository(Participant).findOneBy({ id, workspaceId });
    if (!participant) throw notFound('Participant');
    return participant;
  }

  /** Newest first. */
  list(workspaceId: string, query: ParticipantQuery, page: Page): Promise<ConnectionShape<Participant>> {
    const qb = this.dataSource
      .getRepository(Participant)
      .createQueryBuilder('participant')
      .where('participant.workspaceId = :workspaceId', { workspaceId });
    if (query.search?.trim()) {
      qb.andWhere("(LOWER(participant.name) LIKE :search ESCAPE '!' OR participant.email LIKE :search ESCAPE '!')", {
        search: likePattern(query.search),
      });
    }
    if (query.hasPhone != null) qb.andWhere(`participant.phone IS ${query.hasPhone ? 'NOT ' : ''}NULL`);
    if (query.smsConsent != null) qb.andWhere('participant.smsConsent = :smsConsent', { smsConsent: query.smsConsent });
    return paginate(qb, page, { property: 'id', direction: 'DESC', kind: 'string' });
  }

  /** S8: by hand, source ADMIN, with who did it; granting needs a phone. Repeating the current state is a no-op. */
  async setSmsConsent(actor: WorkspaceActor, change: ManualConsentChange): Promise<Participant> {
    const newPhone = change.phone?.trim() ? normalisePhone(change.phone, this.defaultPhoneCountry, 'phone') : null;
    if (!change.granted && newPhone) throw badInput('phone', 'A phone number is taken only when granting consent');
    // S8: a grant by hand says how consent was obtained.
    const attestation = change.granted ? requireConsentStatement(change.attestation) : change.attestation?.trim() || null;
    const confirmations: CommsLogEntry[] = [];
    const saved = await this.dataSource.transaction(async (manager) => {
      const participant = await lockForUpdate(manager.createQueryBuilder(Participant, 'participant'))
        .where('participant.id = :id AND participant.workspaceId = :workspaceId', { id: change.participantId, workspaceId: actor.workspaceId })
        .getOne();
      if (!participant) throw notFound('Participant');
      const phone = change.granted ? (newPhone ?? participant.phone) : participant.phone;
      if (change.granted && !phone) throw badInput('phone', 'Granting SMS consent needs a phone number');
      const records = consentTransition(participant, { phone, smsConsent: change.granted }, {
        source: ConsentSource.ADMIN,
        actorApiKeyId: actor.apiKeyId,
        actorLabel: actor.label,
        attestation,
      });
      if (records.length === 0) return participant;
      await manager.update(Participant, { id: participant.id }, { phone, smsConsent: change.granted });
      const now = new Date();
      await this.consent.record(manager, records, now);
      // K9: the number consent now covers gets its confirmation.
      if (phone && records.some((r) => r.action === ConsentAction.GRANTED)) {
        const intent = this.optInConfirmations.intent({ workspaceId: participant.workspaceId, participantId: participant.id, phone }, now);
        confirmations.push(...(await this.delivery.record(manager, [intent], now)));
      }
      return manager.findOneByOrFail(Participant, { id: participant.id });
    });
    this.optInConfirmations.announce(confirmations);
    return saved;
  }
}
