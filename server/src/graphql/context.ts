import type { AbuseServices } from '../abuse/abuse-services.js';
import { ErrorCode, TockError } from '../common/tock-error.js';
import type { CommsLogService } from '../comms-log/comms-log.service.js';
import type { ConsentAuditService } from '../consent/consent-audit.service.js';
import type { OptOutRegistry } from '../consent/opt-out-registry.service.js';
import type { BulkSmsOptInService } from '../employees/bulk-sms-opt-in.service.js';
import type { EmployeeImportService } from '../employees/employee-import.service.js';
import type { EmployeeService } from '../employees/employee.service.js';
import type { SchedulePublishingService } from '../employees/schedule-publishing.service.js';
import type { ScheduleService } from '../employees/schedule.service.js';
import type { TimeOffService } from '../employees/time-off.service.js';
import type { JobQueueService } from '../jobs/queue/job-queue.service.js';
import type { MessagePreview } from '../messaging/delivery/message-preview.service.js';
import type { MessageResendService } from '../messaging/delivery/message-resend.service.js';
import type { ManageBookingService } from '../studies/manage-booking.service.js';
import type { ParticipantService } from '../studies/participant.service.js';
import type { SessionChangesService } from '../studies/session-changes.service.js';
import type { SessionService } from '../studies/session.service.js';
import type { SignupService } from '../studies/signup.service.js';
import type { StudyService } from '../studies/study.service.js';
import type { ApiKeyService } from '../workspaces/api-key.service.js';
import type { WorkspaceDeliverySetup } from '../workspaces/workspace-delivery.util.js';
import type { WorkspaceService } from '../workspaces/workspace.service.js';
import type { Actor, RequestMeta, WorkspaceActor } from '../common/actor.js';
import type { Loaders } from './loaders.js';

/** The services resolvers call: each resolver authorises and calls one of them. */
export interface ResolverServices {
  abuse: Pick<AbuseServices, 'breaker'>;
  apiKeys: ApiKeyService;
  bulkSmsOptIn: BulkSmsOptInService;
  commsLog: CommsLogService;
  consentAudit: ConsentAuditService;
  employeeImport: EmployeeImportService;
  employees: EmployeeService;
  jobQueue: JobQueueService;
  manageBooking: ManageBookingService;
  messagePreview: MessagePreview;
  optOuts: OptOutRegistry;
  participants: ParticipantService;
  resend: MessageResendService;
  schedulePublishing: SchedulePublishingService;
  schedules: ScheduleService;
  sessionChanges: SessionChangesService;
  sessions: SessionService;
  signup: SignupService;
  studies: StudyService;
  timeOff: TimeOffService;
  workspaces: WorkspaceService;
}

/** Plain settings some fields read (no I/O). */
interface ResolverSettings {
  publicUrl: string;
  defaultPhoneCountry: string;
  delivery: WorkspaceDeliverySetup;
}

/** What the composition root gives the GraphQL transport to build each request's context. */
export interface ContextDeps {
  services: ResolverServices;
  settings: ResolverSettings;
  authenticate(authorization: string | undefined): Promise<Actor>;
  /** A10: a credential that does not authenticate counts against the caller's IP. */
  authenticationFailed(ip: string | null, authorization: string): Promise<unknown>;
  /** Per-request DataLoaders, scoped to the caller's workspace. */
  loaders(workspaceId: string | null): Loaders;
}

export interface GraphQLContext {
  services: ResolverServices;
  settings: ResolverSettings;
  actor: Actor;
  request: RequestMeta;
  loaders: Loaders;
}

export async function buildContext(deps: ContextDeps, authorization: string | undefined, request: RequestMeta): Promise<GraphQLContext> {
  const actor = await deps.authenticate(authorization);
  if (authorization && actor.kind === 'anonymous') await deps.authenticationFailed(request.ip, authorization);
  const workspaceId = actor.kind === 'apiKey' ? actor.workspaceId : null;
  return { services: deps.services, settings: deps.settings, actor, request, loaders: deps.loaders(workspaceId) };
}

// A2: everything a workspace key does is scoped to its workspace. Resolvers
// behind @Authorized() call this to get it.
export function workspaceActor(ctx: GraphQLContext): WorkspaceActor {
  if (ctx.actor.kind !== 'apiKey') throw new TockError(ErrorCode.UNAUTHENTICATED, 'A workspace API key is required');
  return ctx.actor;
}
