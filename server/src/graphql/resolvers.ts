import type { NonEmptyArray } from 'type-graphql';

type ResolverClass = new (...args: never[]) => object;
import { CommsEventsResolver } from '../comms-log/comms-events.resolver.js';
import { ConsentChangedResolver } from '../consent/consent-changed.resolver.js';
import { CommsLogEventResolver } from '../comms-log/comms-log-event.resolver.js';
import { JobQueueResolver } from '../jobs/queue/job-queue.resolver.js';
import { CommsLogResolver } from '../comms-log/comms-log.resolver.js';
import { ConsentResolver } from '../consent/consent.resolver.js';
import { BookingResolver } from '../studies/booking.resolver.js';
import { ManageBookingResolver } from '../studies/manage-booking.resolver.js';
import { ParticipantResolver } from '../studies/participant.resolver.js';
import { SessionResolver } from '../studies/session.resolver.js';
import { SignupResolver } from '../studies/signup.resolver.js';
import { StudyResolver } from '../studies/study.resolver.js';
import { EmployeeResolver } from '../employees/employee.resolver.js';
import { ScheduleWeekResolver } from '../employees/schedule-week.resolver.js';
import { ShiftResolver } from '../employees/shift.resolver.js';
import { TimeOffResolver } from '../employees/time-off.resolver.js';
import { WorkspaceAlertsResolver } from '../workspaces/workspace-alerts.resolver.js';
import { WorkspaceResolver } from '../workspaces/workspace.resolver.js';

// The one list a new domain adds its resolvers to.

export const resolvers: NonEmptyArray<ResolverClass> = [WorkspaceResolver, ConsentResolver, ConsentChangedResolver, WorkspaceAlertsResolver, CommsLogResolver, CommsLogEventResolver, CommsEventsResolver, StudyResolver, SessionResolver, ParticipantResolver, BookingResolver, SignupResolver, ManageBookingResolver, EmployeeResolver, ScheduleWeekResolver, ShiftResolver, TimeOffResolver, JobQueueResolver];
