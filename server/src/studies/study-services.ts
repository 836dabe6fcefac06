import type { DataSource } from 'typeorm';
import type { AbuseServices } from '../abuse/abuse-services.js';
import type { Config } from '../config/config.js';
import type { ConsentService } from '../consent/consent.service.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import type { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';
import { ManageBookingService } from './manage-booking.service.js';
import { ParticipantService } from './participant.service.js';
import { SessionChangesService } from './session-changes.service.js';
import { SessionService } from './session.service.js';
import { SignupService, type SignupGuards } from './signup.service.js';
import { StudyService } from './study.service.js';

/** The studies domain's services, for the app's service registry. */
export function createStudyServices(
  config: Config,
  dataSource: DataSource,
  consent: ConsentService,
  idempotency: IdempotencyService,
  delivery: DeliveryService,
  optInConfirmations: OptInConfirmations,
  abuse: AbuseServices,
  tripBreaker: SignupGuards['tripBreaker'],
) {
  const studies = new StudyService(dataSource);
  const sessions = new SessionService(dataSource, studies);
  return {
    studies,
    sessions,
    sessionChanges: new SessionChangesService(dataSource, delivery, { name: config.brandName, supportContact: config.supportContact }, config.publicUrl),
    participants: new ParticipantService(dataSource, consent, config.defaultPhoneCountry, delivery, optInConfirmations),
    signup: new SignupService(
      dataSource,
      consent,
      idempotency,
      delivery,
      optInConfirmations,
      {
        brandName: config.brandName,
        publicUrl: config.publicUrl,
        defaultPhoneCountry: config.defaultPhoneCountry,
        defaultSender: config.vonage.from ?? null,
      },
      { limits: abuse.limits, challenge: abuse.challenge, breaker: abuse.breaker, tripBreaker },
    ),
    manageBooking: new ManageBookingService(dataSource, consent, delivery, abuse.limits),
  };
}
