import mysql from 'mysql2/promise';
import { newId } from '../../src/db/id.util.js';

// The rows both servers read: 100 employees (some opted in, some with a
// carrier found), 60 participants, and 200 log entries for them, newest last.
export async function seedApiBench(databaseUrl: string, workspaceId: string): Promise<void> {
  const db = await mysql.createConnection({ uri: databaseUrl, timezone: 'Z' });
  try {
    const employees = Array.from({ length: 100 }, (_, i) => [
      newId(),
      workspaceId,
      `Employee ${String(i).padStart(3, '0')}`,
      i % 5 === 0 ? null : `employee${i}@example.com`,
      i % 7 === 0 ? null : `+1415${5_000_000 + i}`,
      i % 2,
      i % 3 === 0 ? 'America/Chicago' : null,
      i % 4 === 0 ? 'es' : null,
      i % 3 === 1 ? 'Verizon Wireless' : null,
      i % 3 === 1 ? 'vtext.com' : null,
      i % 7 === 0 ? null : i % 3 === 1 ? 'FOUND' : 'FAILED',
    ]);
    await db.query(
      'INSERT INTO employees (id, workspaceId, name, email, phone, smsOptIn, timeZone, language, carrierName, carrierGatewayDomain, carrierLookupStatus) VALUES ?',
      [employees],
    );
    const participants = Array.from({ length: 60 }, (_, i) => [newId(), workspaceId, `Participant ${i}`, `participant${i}@example.com`, `+1415${6_000_000 + i}`, 1]);
    await db.query('INSERT INTO participants (id, workspaceId, name, email, phone, smsConsent) VALUES ?', [participants]);
    const statuses = ['DELIVERED', 'SENT', 'FAILED', 'SKIPPED', 'QUEUED'];
    const start = Date.UTC(2026, 10, 1, 9);
    const entries = Array.from({ length: 200 }, (_, i) => {
      const forParticipant = i % 2 === 0;
      const person = forParticipant ? participants[i % participants.length] : employees[i % employees.length];
      const status = statuses[i % statuses.length];
      const at = new Date(start + i * 60_000);
      return [
        workspaceId,
        'OUTBOUND',
        forParticipant ? 'REMINDER' : 'SHIFT_ALERT',
        status,
        status === 'SKIPPED' ? 'NOT_OPTED_IN' : null,
        person[4],
        forParticipant ? person[0] : null,
        forParticipant ? null : person[0],
        status === 'FAILED' ? '6' : null,
        status === 'FAILED' ? 'Anti-spam rejection' : null,
        status === 'QUEUED' ? at : null,
        status === 'QUEUED' ? 'held for quiet hours until 8:00 AM' : null,
        at,
        at,
      ];
    });
    await db.query(
      'INSERT INTO comms_log_entries (workspaceId, direction, kind, status, skipReason, recipientPhone, participantId, employeeId, errorCode, errorReason, scheduledFor, holdReason, createdAt, updatedAt) VALUES ?',
      [entries],
    );
  } finally {
    await db.end();
  }
}
