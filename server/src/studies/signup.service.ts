import type { DataSource, EntityManager } from 'typeorm';
import { retryOnDeadlock } from '../db/retry-on-deadlock.util.js';
import { allowedCountries, destinationVerdict } from '../abuse/destination-policy.js';
import type { PumpingBreaker } from '../abuse/pumping-breaker.js';
import type { SignupChallenge } from '../abuse/signup-challenge.js';
import type { VelocityLimits } from '../abuse/velocity-limits.js';
import { normalisePhone } from '../common/phone.util.js';
import { badInput, badInputs, conflict, notFound, TockError } from '../common/tock-error.js';
import { signupProblems, type SignupRules } from './signup-problems.util.js';
import type { ConsentService } from '../consent/consent.service.js';
import { ConsentSource } from '../consent/consent.enums.js';
import { disclosureFor, type Disclosure } from '../consent/disclosure.js';
import { Language } from '../common/language.js';
import { parseTimeZone } from '../common/time-zone.util.js';
import type { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';
import { newId } from '../db/id.util.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import { isUniqueViolation } from '../db/unique-violation.util.js';
import type { RequestMeta } from '../common/actor.js';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../comms-log/comms-log.enums.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { Booking } from './booking.entity.js';
import { bookedIntents } from './booking-messages.js';
import { consentTransition } from './consent-transition.js';
import { Participant } from './participant.entity.js';
import { manageUrl } from './public-links.js';
import { newSecretToken } from './secret-token.util.js';
import { BookingStatus, SessionStatus } from './session-status.enum.js';
import { StudySession } from './study-session.entity.js';
import { Study } from './study.entity.js';

interface SignupSettings {
  brandName: string;
  publicUrl: string;
  defaultPhoneCountry: string;
  /** The server's VONAGE_FROM: a workspace without its own sender sends from it (A7's default country). */
  defaultSender: string | null;
}

/** A7/A8: the abuse defences a public signup passes. */
interface SignupGuards {
  limits: VelocityLimits;
  challenge: SignupChallenge;
  breaker: PumpingBreaker;
  /** Records the workspace's breaker as tripped (audited), inside the signup's transaction. */
  tripBreaker(manager: EntityManager, workspaceId: string, now: Date): Promise<void>;
}

interface InviteView {
  studyName: string;
  /** T1: the zone the study's sessions are in. */
  timeZone: string;
  sessions: StudySession[];
  smsRequired: boolean;
  disclosure: Disclosure;
  challengeRequired: boolean;
}

interface SignUpRequest {
  inviteToken: string;
  sessionId: string;
  name: string;
  email: string;
  phone?: string | null;
  smsConsent: boolean;
  disclosureVersion?: string | null;
  /** T2: the language the page (and its disclosure) was shown in; the participant's texts follow it. */
  language?: Language | null;
  /** T1: the participant's own zone, from the browser. */
  timeZone?: string | null;
  idempotencyKey?: string | null;
  challenge?: string | null;
}

interface SignUpResult {
  booking: Booking;
  manageUrl: string;
}

// The public side of a study: its invite page and the signup it submits.
export class SignupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly idempotency: IdempotencyService,
    private readonly delivery: DeliveryService,
    private readonly optInConfirmations: OptInConfirmations,
    private readonly settings: SignupSettings,
    private readonly guards: SignupGuards,
  ) {}

  /** A8: a proof-of-work challenge bound to this invite. */
  async challenge(inviteToken: string) {
    await this.findInvite(inviteToken);
    return this.guards.challenge.create(inviteToken);
  }

  async invite(inviteToken: string, language: Language = Language.EN, now = new Date()): Promise<InviteView> {
    const { study, workspace } = await this.findInvite(inviteToken);
    const sessions = await this.dataSource
      .getRepository(StudySession)
      .createQueryBuilder('session')
      .where('session.studyId = :studyId AND session.status = :status AND session.startsAt > :now', {
        studyId: study.id,
        status: SessionStatus.SCHEDULED,
        now,
      })
      .orderBy('session.startsAt', 'ASC')
      .addOrderBy('session.id', 'ASC')
      .limit(500)
      .getMany();
    return {
      studyName: study.name,
      timeZone: study.timeZone ?? workspace.timeZone,
      sessions,
      smsRequired: smsRequired(workspace, study),
      disclosure: disclosureFor(this.settings.brandName, null, language)!,
      challengeRequired: this.guards.challenge.required,
    };
  }

  /** S2/S3: books the participant on a session of the invite's study; idempotent per invite. */
  async signUp(request: SignUpRequest, meta: RequestMeta): Promise<SignUpResult> {
    const { study, workspace } = await this.findInvite(request.inviteToken);
    const { idempotencyKey, challenge, ...input } = request;
    // A7, A8: the number is checked, the challenge verified and the limits
    // taken before anything is stored; a refusal stores and sends nothing.
    const { phone } = this.checkFields(workspace, study, input);
    await this.guards.challenge.verify(challenge, request.inviteToken);
    await this.guards.limits.signup({ ip: meta.ip, phone, link: request.inviteToken });
    let queued: CommsLogEntry[] = [];
    // K8: signups of one number at once race on its consent and its opt-in
    // confirmation's key, and MariaDB may pick one as a deadlock victim: it runs again.
    const booking = await retryOnDeadlock(() => this.idempotency.run<Booking>({
      scope: `invite:${study.id}`,
      operation: 'signUp',
      key: idempotencyKey,
      input,
      // S2 is decided on the settings as they are inside the booking's transaction.
      create: async (manager) => {
        const current = await this.findInvite(request.inviteToken, manager);
        // A8: a number no participant of the workspace has had counts against the pumping budget.
        const newNumber = !!phone && !!input.smsConsent && !(await manager.existsBy(Participant, { workspaceId: current.workspace.id, phone }));
        const { booking: booked, optedIn } = await this.book(manager, current.study, current.workspace, input, meta);
        if (newNumber && (await this.guards.breaker.countNewNumber(current.workspace.id, current.workspace.pumpingBudgetPerHour))) {
          await this.guards.tripBreaker(manager, current.workspace.id, new Date());
        }
        // S4: the confirmation and the reminder are recorded with the booking.
        const session = await manager.findOneByOrFail(StudySession, { id: booked.sessionId });
        const now = new Date();
        const intents = bookedIntents(booked, session, now);
        // K9: a number newly consented gets its opt-in confirmation too.
        if (optedIn) intents.push(this.optInConfirmations.intent({ workspaceId: booked.workspaceId, participantId: booked.participantId, phone: optedIn }, now));
        // A8: every text this public signup causes counts as public to a new number.
        queued = await this.delivery.record(
          manager,
          intents.map((intent) => ({ ...intent, publicToNewNumber: newNumber })),
          now,
        );
        return booked;
      },
      load: (id) => this.dataSource.getRepository(Booking).findOneByOrFail({ id }),
      idOf: (created) => created.id,
    }));
    await this.delivery.schedule(queued.filter((e) => e.kind !== MessageKind.OPT_IN_CONFIRMATION));
    this.optInConfirmations.announce(queued.filter((e) => e.kind === MessageKind.OPT_IN_CONFIRMATION));
    return { booking, manageUrl: manageUrl(this.settings.publicUrl, booking.manageToken) };
  }

  private async findInvite(inviteToken: string, manager: EntityManager = this.dataSource.manager): Promise<{ study: Study; workspace: Workspace }> {
    const study = await manager.findOne(Study, { where: { inviteToken }, relations: { workspace: true } });
    if (!study?.workspace) throw notFound('Invite');
    return { study, workspace: study.workspace };
  }

  // Returns the booking, and the number that became opted in by it (K9), if any.
  private async book(manager: EntityManager, study: Study, workspace: Workspace, input: SignUpRequest, meta: RequestMeta, now = new Date()): Promise<{ booking: Booking; optedIn: string | null }> {
    // S2 again on the settings as they are inside the booking's transaction.
    const { phone } = this.checkFields(workspace, study, input);
    const name = input.name.trim();
    const email = input.email.trim().toLowerCase();
    const language = input.language ?? Language.EN;
    const disclosure = this.disclosure(input.disclosureVersion, language);
    const timeZone = input.timeZone?.trim() ? parseTimeZone(input.timeZone) : null;

    const session = await manager.findOneBy(StudySession, { id: input.sessionId, studyId: study.id });
    if (!session) throw notFound('Session');
    if (session.status !== SessionStatus.SCHEDULED || session.startsAt.getTime() <= now.getTime()) {
      throw badInput('sessionId', 'This session is no longer open for booking');
    }

    try {
      const participant = await this.upsertParticipant(manager, workspace.id, name, email);
      const booking = await this.createBooking(manager, session, participant.id);
      // Leaving the box unticked withdraws nothing; a new number is consented
      // only by ticking it (consent follows the number).
      const after = !phone
        ? { phone: participant.phone, smsConsent: participant.smsConsent }
        : { phone, smsConsent: input.smsConsent || (participant.smsConsent && participant.phone === phone) };
      // T1/T2: the page's language and the browser's zone are the participant's from now on.
      await manager.update(Participant, { id: participant.id }, { name, ...after, language, ...(timeZone ? { timeZone } : {}) });
      await this.consent.record(
        manager,
        consentTransition(
          participant,
          after,
          {
            source: ConsentSource.SIGNUP_FORM,
            studyId: study.id,
            sessionId: session.id,
            bookingId: booking.id,
            disclosureVersion: disclosure.version,
            disclosureText: disclosure.text,
            disclosureLanguage: disclosure.language,
            ipAddress: meta.ip,
            userAgent: meta.userAgent,
            actorLabel: 'participant',
          },
          input.smsConsent,
        ),
        now,
      );
      const optedIn = after.smsConsent && after.phone && !(participant.smsConsent && participant.phone === after.phone) ? after.phone : null;
      return { booking, optedIn };
    } catch (error) {
      // Two simultaneous submissions for the same person: the loser sees a clear conflict.
      if (isUniqueViolation(error)) throw conflict('This person is already booked on this session');
      throw error;
    }
  }

  // S2/A5/A7: every field problem at once (BAD_USER_INPUT with extensions.problems); the number in E.164 when it is usable.
  private checkFields(workspace: Workspace, study: Study, input: SignUpRequest): { phone: string | null } {
    let phone: string | null = null;
    let phoneProblem: SignupRules['phoneProblem'] = null;
    if (input.phone?.trim()) {
      try {
        phone = normalisePhone(input.phone, this.settings.defaultPhoneCountry, 'phone');
        const detail = this.destinationProblem(workspace, phone);
        phoneProblem = detail ? { kind: 'NOT_ALLOWED', detail } : null;
      } catch (error) {
        if (!(error instanceof TockError)) throw error;
        phoneProblem = { kind: 'INVALID', detail: error.message };
      }
    }
    const problems = signupProblems(input, { smsRequired: smsRequired(workspace, study), phoneProblem, language: input.language });
    if (problems.length) throw badInputs(problems);
    return { phone };
  }

  // A7: a number of a refused type, or outside the workspace's countries, cannot be booked with.
  private destinationProblem(workspace: Workspace, phone: string): string | null {
    const countries = allowedCountries(workspace.allowedDestinationCountries, workspace.senderNumber ?? this.settings.defaultSender, this.settings.defaultPhoneCountry);
    const verdict = destinationVerdict(phone, { allowedCountries: countries });
    if (verdict.allowed) return null;
    if (verdict.why === 'COUNTRY') return `Texts cannot go to numbers in ${verdict.country ?? 'this region'}; please use a mobile number from ${countries.join(', ')}`;
    return 'This number cannot receive texts (premium, toll-free or similar); please use a mobile number';
  }

  private disclosure(version: string | null | undefined, language: Language): Disclosure {
    const disclosure = disclosureFor(this.settings.brandName, version, language);
    if (!disclosure) throw badInput('disclosureVersion', `Unknown disclosure version "${version}"`);
    return disclosure;
  }

  // Participant identity is (workspace, lower-cased email). A locking read of a
  // row that does not exist yet would take a gap lock, and two first-time
  // signups would deadlock on it; so look first, insert when new, and lock only
  // a row that exists (a record lock on the unique index).
  private async upsertParticipant(manager: EntityManager, workspaceId: string, name: string, email: string): Promise<Participant> {
    if (!(await manager.existsBy(Participant, { workspaceId, email }))) {
      const participant = manager.create(Participant, { id: newId(), workspaceId, name, email, phone: null, smsConsent: false });
      try {
        await manager.insert(Participant, participant);
        return participant;
      } catch (error) {
        // The same person signing up twice at once: use the row the other request made.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return lockForUpdate(manager.createQueryBuilder(Participant, 'participant'))
      .where('participant.workspaceId = :workspaceId AND participant.email = :email', { workspaceId, email })
      .getOneOrFail();
  }

  // One booking per participant per session; a cancelled one is booked again with a fresh manage link.
  private async createBooking(manager: EntityManager, session: StudySession, participantId: string): Promise<Booking> {
    const existing = await manager.findOneBy(Booking, { sessionId: session.id, participantId });
    if (existing?.status === BookingStatus.BOOKED) throw conflict('This person is already booked on this session');
    if (existing) {
      await manager.update(Booking, { id: existing.id }, { status: BookingStatus.BOOKED, cancelledAt: null, manageToken: newSecretToken() });
      return manager.findOneByOrFail(Booking, { id: existing.id });
    }
    const booking = manager.create(Booking, {
      id: newId(),
      workspaceId: session.workspaceId,
      sessionId: session.id,
      participantId,
      status: BookingStatus.BOOKED,
      manageToken: newSecretToken(),
      cancelledAt: null,
    });
    await manager.insert(Booking, booking);
    return manager.findOneByOrFail(Booking, { id: booking.id });
  }
}

function smsRequired(workspace: Workspace, study: Study): boolean {
  return workspace.smsEnabled && study.smsRemindersEnabled;
}
