import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { newId } from '../src/db/id.util.js';
import { DayOfUpdate } from '../src/messaging/templates/message-templates.js';

// Item 9: how long publishSchedule and sendDayOfUpdate hold the request for
// FAN_OUT recipients (the texts themselves are recorded by a job afterwards).

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const FAN_OUT = Number(process.env.TOCK_BENCH_FAN_OUT ?? 5000);

export interface FanOutReport {
  recipients: number;
  publishMs: number;
  dayOfMs: number;
}

export async function runFanOutBench(): Promise<FanOutReport> {
  const name = `tock_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let app: App | null = null;
  let db: mysql.Connection | null = null;
  try {
    // No worker: only the requests are timed.
    app = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`, DEMO_SEED: 'false' }));
    db = await mysql.createConnection(`${MYSQL_URL}/${name}`);
    const { workspace } = await app.dataSource.transaction((m) => app!.services.workspaces.create(m, 'Bench', '+13306619491'));
    const weekStart = '2030-01-07';
    const employees: unknown[][] = [];
    const weeks: unknown[][] = [];
    const shifts: unknown[][] = [];
    for (let i = 0; i < FAN_OUT; i++) {
      const employeeId = newId();
      const weekId = newId();
      employees.push([employeeId, workspace.id, `E ${i}`, `+1415${3_000_000 + i}`, 1]);
      weeks.push([weekId, workspace.id, employeeId, weekStart, 0]);
      shifts.push([newId(), workspace.id, weekId, employeeId, new Date('2030-01-08T15:00:00Z'), new Date('2030-01-08T19:00:00Z')]);
    }
    const studyId = newId();
    const sessionId = newId();
    await db.query('INSERT INTO studies (id, workspaceId, name, smsRemindersEnabled, inviteToken) VALUES (?, ?, ?, 1, ?)', [studyId, workspace.id, 'Bench', randomBytes(16).toString('hex')]);
    await db.query("INSERT INTO study_sessions (id, workspaceId, studyId, startsAt, durationMinutes, status) VALUES (?, ?, ?, '2030-01-08 15:00:00', 30, 'SCHEDULED')", [sessionId, workspace.id, studyId]);
    const participants: unknown[][] = [];
    const bookings: unknown[][] = [];
    for (let i = 0; i < FAN_OUT; i++) {
      const participantId = newId();
      participants.push([participantId, workspace.id, `P ${i}`, `p${i}@bench.example`, `+1415${4_000_000 + i}`, 1]);
      bookings.push([newId(), workspace.id, sessionId, participantId, 'BOOKED', randomBytes(16).toString('hex')]);
    }
    for (let i = 0; i < FAN_OUT; i += 2000) {
      await db.query('INSERT INTO employees (id, workspaceId, name, phone, smsOptIn) VALUES ?', [employees.slice(i, i + 2000)]);
      await db.query('INSERT INTO schedule_weeks (id, workspaceId, employeeId, weekStart, sendSmsAlert) VALUES ?', [weeks.slice(i, i + 2000)]);
      await db.query('INSERT INTO shifts (id, workspaceId, scheduleWeekId, employeeId, startsAt, endsAt) VALUES ?', [shifts.slice(i, i + 2000)]);
      await db.query('INSERT INTO participants (id, workspaceId, name, email, phone, smsConsent) VALUES ?', [participants.slice(i, i + 2000)]);
      await db.query('INSERT INTO bookings (id, workspaceId, sessionId, participantId, status, manageToken) VALUES ?', [bookings.slice(i, i + 2000)]);
    }
    let started = performance.now();
    const published = await app.services.schedulePublishing.publish(workspace.id, weekStart, 'bench');
    const publishMs = performance.now() - started;
    if (published.messagesQueued !== FAN_OUT) throw new Error(`publishSchedule counted ${published.messagesQueued} recipients`);
    started = performance.now();
    const dayOf = await app.services.sessionChanges.dayOfUpdate(workspace.id, sessionId, DayOfUpdate.RUNNING_LATE, 'bench');
    const dayOfMs = performance.now() - started;
    if (dayOf.messagesQueued !== FAN_OUT) throw new Error(`sendDayOfUpdate counted ${dayOf.messagesQueued} recipients`);
    return { recipients: FAN_OUT, publishMs, dayOfMs };
  } finally {
    await db?.end();
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
