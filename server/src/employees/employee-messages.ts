import { MessageKind } from '../comms-log/comms-log.enums.js';
import type { MessageIntent } from '../messaging/delivery/message-intent.js';
import type { ScheduleWeek } from './schedule-week.entity.js';
import type { TimeOffRequest } from './time-off-request.entity.js';

export interface UpcomingShift {
  id: string;
  workspaceId: string;
  employeeId: string;
  scheduleWeekId: string;
  startsAt: Date;
  leadMinutes: number;
}

/** E6: one SCHEDULE_PUBLISHED per employee week per publish request. */
export function publishedIntent(week: ScheduleWeek, publishKey: string, now: Date): MessageIntent {
  return {
    workspaceId: week.workspaceId,
    kind: MessageKind.SCHEDULE_PUBLISHED,
    employeeId: week.employeeId,
    scheduleWeekId: week.id,
    sendAt: now,
    idempotencyKey: `published:${week.id}:${publishKey}`,
  };
}

/** E6: the shift alert, the workspace's lead time before the shift (at once if that has passed). */
export function shiftAlertIntent(shift: UpcomingShift, now: Date): MessageIntent {
  const due = shift.startsAt.getTime() - shift.leadMinutes * 60_000;
  return {
    workspaceId: shift.workspaceId,
    kind: MessageKind.SHIFT_ALERT,
    employeeId: shift.employeeId,
    scheduleWeekId: shift.scheduleWeekId,
    shiftId: shift.id,
    subjectStartsAt: shift.startsAt,
    sendAt: new Date(Math.max(due, now.getTime())),
    idempotencyKey: `shift-alert:${shift.id}:${shift.startsAt.toISOString()}`,
  };
}

/** E6: the answer to a time-off request, once. */
export function timeOffResponseIntent(request: TimeOffRequest, now: Date): MessageIntent {
  return {
    workspaceId: request.workspaceId,
    kind: MessageKind.TIME_OFF_RESPONSE,
    employeeId: request.employeeId,
    timeOffRequestId: request.id,
    sendAt: now,
    idempotencyKey: `time-off:${request.id}`,
  };
}
