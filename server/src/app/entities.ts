import { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { CommsLogEvent } from '../comms-log/comms-log-event.entity.js';
import { ConsentRecord } from '../consent/consent-record.entity.js';
import { OptOut } from '../consent/opt-out.entity.js';
import { EmployeeImport } from '../employees/employee-import.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { ScheduleWeek } from '../employees/schedule-week.entity.js';
import { Shift } from '../employees/shift.entity.js';
import { TimeOffRequest } from '../employees/time-off-request.entity.js';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity.js';
import { AgendaJobLogEntry } from '../jobs/run-log/agenda-job-log-entry.entity.js';
import { AgendaJob } from '../jobs/sql-backend/agenda-job.entity.js';
import { InboundPart } from '../messaging/keywords/inbound-part.entity.js';
import { Booking } from '../studies/booking.entity.js';
import { Participant } from '../studies/participant.entity.js';
import { StudySession } from '../studies/study-session.entity.js';
import { Study } from '../studies/study.entity.js';
import { ApiKey } from '../workspaces/api-key.entity.js';
import { WorkspaceAuditEntry } from '../workspaces/workspace-audit-entry.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

export const entities = [
  Workspace,
  WorkspaceAuditEntry,
  ApiKey,
  Study,
  StudySession,
  Participant,
  Booking,
  Employee,
  EmployeeImport,
  ScheduleWeek,
  Shift,
  TimeOffRequest,
  ConsentRecord,
  OptOut,
  CommsLogEntry,
  CommsLogEvent,
  IdempotencyRecord,
  AgendaJob,
  AgendaJobLogEntry,
  InboundPart,
];
