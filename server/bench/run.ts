import { availableParallelism } from 'node:os';
import { API_TARGET_RATIO, runApiBench, SOCKET_TARGET_KB, type ApiReport } from './api.bench.js';
import { runBulkOptInBench, type BulkOptInReport } from './bulk-opt-in.bench.js';
import { runCommsHistoryBench, type HistoryReport } from './comms-history.bench.js';
import { runFanOutBench } from './fan-out.bench.js';
import { IMPORT_TARGET_MS, runImportBench, type ImportReport } from './import.bench.js';
import { runOptInLaneBench, type OptInLaneReport } from './opt-in-lane.bench.js';
import { runPickUpBench, type PickUpReport } from './pick-up.bench.js';
import { runSchedulesPageBench, type SchedulesPageReport } from './schedules-page.bench.js';
import { runSendingBench, type SendingReport } from './sending.bench.js';
import { runTimelineWritesBench, type TimelineWritesReport } from './timeline-writes.bench.js';
import { MEMORY_GROWTH_TARGET_MB, runWebSocketAbuseBench, type WebSocketAbuseReport } from './websocket-abuse.bench.js';
import { configureLogging, type LogLevel } from '../src/observability/logger.js';
import { median } from './measure.util.js';

// The servers under test log nothing unless asked (LOG_LEVEL): the tables are the output.
configureLogging({ level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'silent', format: 'pretty' });

// `npm run bench`: runs the benchmarks and prints one table each.
function printTable(report: BulkOptInReport): void {
  const header = ['Benchmark', 'Runs (ms)', 'Median (ms)', 'Peak RSS (MB)'];
  const lines = report.rows.map((r) => [r.name, r.runsMs.map((ms) => Math.round(ms)).join(' / '), String(Math.round(r.medianMs)), String(r.peakRssMb)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\nBulk SMS opt-in, ${report.employees.toLocaleString('en-US')} employees (each with one schedule week)`);
  console.log(row(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(row(line));
  const verdict = report.ratio <= report.targetRatio ? 'within target' : 'OVER TARGET';
  console.log(`\nRatio tock/baseline (medians): ${report.ratio.toFixed(2)}x (target <= ${report.targetRatio}x: ${verdict})`);
  console.log(`Peak RSS of the whole process: ${report.peakRssMb} MB`);
  console.log('Tock also turns on Send SMS Alert for every week (E5) and counts the result; the baseline does neither.');
}

function printSending(report: SendingReport): void {
  const fixed = (n: number) => n.toFixed(0);
  console.log(`\nSending on Tock's job store over MariaDB (${report.sends.toLocaleString('en-US')} texts, stand-in answering at once)`);
  console.log(`| Measure | Value | Target |`);
  console.log(`|---|---|---|`);
  console.log(`| Agenda no-op jobs | ${fixed(report.noopPerSecond)} jobs/s | |`);
  console.log(`| Agenda jobs that only call the Vonage SDK | ${fixed(report.providerOnlyPerSecond)} jobs/s | |`);
  console.log(`| Full send pipeline | ${fixed(report.sendsPerSecond)} sends/s | >= 300/s |`);
  console.log(`| Pipeline / no-op | ${report.ratio.toFixed(2)}x | >= 0.6x |`);
  console.log(`| SDK-only / no-op (the ceiling for any pipeline here) | ${(report.providerOnlyPerSecond / report.noopPerSecond).toFixed(2)}x | |`);
  console.log(`| Pipeline / SDK-only (Tock's own work) | ${(report.sendsPerSecond / report.providerOnlyPerSecond).toFixed(2)}x | |`);
  const cpu = report.cpuMsPerJob;
  console.log(`| CPU per job (this process: worker, API, stand-in): no-op / SDK-only / send | ${cpu.noop.toFixed(2)} / ${cpu.providerOnly.toFixed(2)} / ${cpu.send.toFixed(2)} ms | |`);
  console.log(`| SQL statements per send | ${report.statementsPerSend.toFixed(2)} | |`);
  console.log(`| Peak RSS of the process (API, worker and stand-in) | ${report.peakRssMb} MB | |`);
  const burst = report.burst;
  if (!burst) return;
  console.log(
    `\nL8: ${burst.reminders.toLocaleString('en-US')} reminders due within ${burst.dueWindowMs / 1000} s at a cap of ${burst.burstCap}/s ` +
      `(the burst needs ${(burst.neededLeadMs / burst.dueWindowMs).toFixed(1)}x its window at the cap; as 10,000 in one minute at 30/s does)`,
  );
  console.log(`| Lateness (sent - due, early = 0) | EDF plan, measured | Plain due-time schedule, simulated at the cap | Target |`);
  console.log(`|---|---|---|---|`);
  console.log(`| p50 | ${fixed(burst.latenessMs.p50)} ms | ${fixed(burst.plainLatenessMs.p50)} ms | |`);
  console.log(`| p99 | ${fixed(burst.latenessMs.p99)} ms | ${fixed(burst.plainLatenessMs.p99)} ms | <= 1000 ms |`);
  console.log(`| max | ${fixed(burst.latenessMs.max)} ms | ${fixed(burst.plainLatenessMs.max)} ms | |`);
  console.log(`| First text before the first due time | ${fixed(burst.firstLeadMs)} ms | 0 ms | about the burst's need, ${fixed(burst.neededLeadMs)} ms |`);
  console.log(`| Skipped TOO_LATE | ${burst.tooLate} | | 0 |`);
  console.log(`| Planner run (pulling the jobs forward) | ${fixed(burst.planMs)} ms | | |`);
  console.log(`| Planner's step per text at the end (cap's or pipeline's, the slower, +10 %) | ${burst.planStepMs.toFixed(1)} ms | ${(1000 / burst.burstCap).toFixed(1)} ms at the cap | |`);
}

function printHistory(report: HistoryReport): void {
  console.log(`\nMessage history over ${report.entries.toLocaleString('en-US')} log entries (first page of 25, MariaDB)`);
  console.log('| Filter | Plan (table:access(index)) | Rows estimated | Median (ms) | Found |');
  console.log('|---|---|---|---|---|');
  for (const row of report.rows) console.log(`| ${row.filter} | ${row.plan} | ${row.rowsExamined} | ${row.medianMs.toFixed(1)} | ${row.found} |`);
  console.log(report.fullScans.length ? `Full scans: ${report.fullScans.join(', ')}` : 'No filter scans the whole table.');
}

function printOptInLane(report: OptInLaneReport): void {
  const fixed = (n: number) => n.toFixed(0);
  console.log(`\nK9: ${report.reminders.toLocaleString('en-US')} reminders due over one minute, with and without a bulk opt-in of ${report.employees.toLocaleString('en-US')} (its confirmations in the low-priority lane)`);
  console.log('| Reminder lateness | Without bulk opt-in | During bulk opt-in | Ratio |');
  console.log('|---|---|---|---|');
  for (const key of ['p50', 'p99', 'max'] as const) {
    const ratio = report.without[key] > 0 ? (report.during[key] / report.without[key]).toFixed(2) + 'x' : 'n/a';
    console.log(`| ${key} | ${fixed(report.without[key])} ms | ${fixed(report.during[key])} ms | ${ratio} |`);
  }
  console.log(`Bulk opt-in (consent records, weeks, ${report.employees.toLocaleString('en-US')} queued confirmations in one INSERT … SELECT): ${fixed(report.bulkMs)} ms`);
  console.log(`Confirmations the lane sent between the bulk opt-in and the last reminder (it stands aside while reminders are due): ${report.confirmationsSentDuringWindow}; by the end: ${report.confirmationsSentByEnd}`);
}

function printWebSocketAbuse(report: WebSocketAbuseReport): void {
  const n = (mb: number) => mb.toFixed(0);
  const growth = (mb: number) => `+${n(mb - report.idleRssMb)} MB (${(mb / report.idleRssMb).toFixed(2)}x idle)`;
  console.log(`\nWebSocket abuse against one API process (production, MariaDB); RSS of that process, idle ${n(report.idleRssMb)} MB`);
  console.log(`| Measure | Value | Target |`);
  console.log(`|---|---|---|`);
  console.log(`| 16 frames of 99 MB before connection_init: peak RSS | ${n(report.bigFrames.peakRssMb)} MB, ${growth(report.bigFrames.peakRssMb)} | < +${MEMORY_GROWTH_TARGET_MB} MB |`);
  console.log(`| … RSS after | ${n(report.bigFrames.afterRssMb)} MB, ${growth(report.bigFrames.afterRssMb)} | |`);
  console.log(`| … the same 16 frames again: peak / after | ${n(report.bigFramesAgain.peakRssMb)} / ${n(report.bigFramesAgain.afterRssMb)} MB, ${growth(report.bigFramesAgain.afterRssMb)} | |`);
  console.log(`| … bytes the attacker got to write before the close (all 16) | ${(report.bigFrames.bytesAccepted / 1024 / 1024).toFixed(0)} MB; close codes ${report.bigFrames.closeCodes} | |`);
  console.log(`| 300 sockets from one address, 30 KB each: opened / refused (429) | ${report.sockets.opened} / ${report.sockets.refused} | |`);
  console.log(`| … peak RSS | ${n(report.sockets.peakRssMb)} MB, ${growth(report.sockets.peakRssMb)} | < +${MEMORY_GROWTH_TARGET_MB} MB |`);
  console.log(`| … RSS after | ${n(report.sockets.afterRssMb)} MB, ${growth(report.sockets.afterRssMb)} | |`);
  console.log(`| Revoke to socket closed (median / max of 15) | ${report.revokeToCloseMs.median.toFixed(0)} / ${report.revokeToCloseMs.max.toFixed(0)} ms | < 1000 ms |`);
}

function printPickUp(report: PickUpReport): void {
  const fixed = (n: number) => n.toFixed(1);
  console.log(`\nPick-up: signUp answered (API process) -> confirmation at the stand-in (worker process), ${report.signups} signups each, MariaDB`);
  console.log(`| Worker woken by | p50 | p99 | max | Target |`);
  console.log(`|---|---|---|---|---|`);
  console.log(`| ${report.polling.name}, polling every ${report.processEveryMs} ms | ${fixed(report.polling.p50)} ms | ${fixed(report.polling.p99)} ms | ${fixed(report.polling.max)} ms | within the poll interval |`);
  console.log(`| ${report.notified.name} | ${fixed(report.notified.p50)} ms | ${fixed(report.notified.p99)} ms | ${fixed(report.notified.max)} ms | p50 < 50 ms |`);
  console.log(`| Ratio of p50s (channel / polling) | ${(report.notified.p50 / report.polling.p50).toFixed(3)}x | | | |`);
  console.log(`Machine load average (1 min) before / after: ${report.load.map((l) => l.toFixed(1)).join(' / ')} on ${availableParallelism()} cores`);
}

function printSchedulesPage(report: SchedulesPageReport): void {
  console.log(`\nSchedules page in Chromium (MariaDB, median of 5 visits after one warm-up)`);
  console.log(`| Workspace | Page: navigation -> week grid and time-off on screen | Picker: keystroke -> matches | API alone: weeks / time-off / search | Target |`);
  console.log(`|---|---|---|---|---|`);
  for (const row of report.rows) {
    const api = [row.api.weeks, row.api.timeOff, row.api.search].map((ms) => `${ms.toFixed(0)} ms`).join(' / ');
    console.log(`| ${row.workspace} | ${row.pageMs.toFixed(0)} ms | ${row.pickerMs.toFixed(0)} ms | ${api} | page < 1000 ms |`);
  }
  console.log(`| Ratio (large / baseline page) | ${report.ratio.toFixed(2)}x | | | |`);
}

function printImport(report: ImportReport): void {
  const ms = (runs: number[]) => runs.map((r) => Math.round(r)).join(' / ');
  console.log(`\nImporting ${report.employees.toLocaleString('en-US')} employees (half opted in, with consent records) in calls of 1,000, MariaDB`);
  console.log('| Import | Runs (ms) | Median (ms) | Target |');
  console.log('|---|---|---|---|');
  console.log(`| Tock upsertEmployees over HTTP | ${ms(report.tockMs)} | ${Math.round(median(report.tockMs))} | < ${IMPORT_TARGET_MS} ms |`);
  console.log(`| … the same file again (all unchanged) | ${ms(report.reimportMs)} | ${Math.round(median(report.reimportMs))} | |`);
  console.log(`| Baseline mysql2 (two multi-row INSERTs per 1,000) | ${ms(report.baselineMs)} | ${Math.round(median(report.baselineMs))} | |`);
  console.log(`Ratio tock/baseline (medians): ${report.ratio.toFixed(2)}x; peak RSS ${report.peakRssMb} MB`);
  console.log('Tock also validates and normalises every row, matches existing employees, records the import and queues K9 confirmations and carrier look-ups; the baseline does none of that.');
}

function printTimelineWrites(report: TimelineWritesReport): void {
  console.log(`\nThe message timeline's cost on a send's two status transitions (${report.texts.toLocaleString('en-US')} texts, 20 at a time, MariaDB)`);
  console.log('| Variant | Median (ms) | Per text (ms) |');
  console.log('|---|---|---|');
  console.log(`| Conditional UPDATEs only (before the timeline) | ${report.updatesOnlyMs.toFixed(0)} | ${(report.updatesOnlyMs / report.texts).toFixed(2)} |`);
  console.log(`| Each UPDATE, then its timeline INSERT … SELECT | ${report.withTimelineMs.toFixed(0)} | ${(report.withTimelineMs / report.texts).toFixed(2)} |`);
  console.log(`| Both in one transaction | ${report.inTransactionMs.toFixed(0)} | ${(report.inTransactionMs / report.texts).toFixed(2)} |`);
  console.log(`| Ratio (after / updates only) | ${report.ratio.toFixed(2)}x | |`);
  console.log(`| Ratio (one transaction / updates only) | ${report.transactionRatio.toFixed(2)}x | |`);
}

function printApi(report: ApiReport): void {
  const rps = (n: number) => n.toFixed(0);
  console.log(`\nGraphQL over HTTP: Tock's /graphql vs plain graphql-js + mysql2 on node:http, same MariaDB rows, ${report.connections} connections, runs of ${report.seconds} s`);
  console.log('| Query | Run | Tock (req/s) | Baseline (req/s) | Ratio |');
  console.log('|---|---|---|---|---|');
  for (const query of report.queries) {
    query.runs.forEach((run, i) => console.log(`| ${query.name} | ${i + 1} | ${rps(run.tockRps)} | ${rps(run.baselineRps)} | ${run.ratio.toFixed(2)}x |`));
  }
  for (const query of report.queries) {
    const verdict = query.medianRatio >= API_TARGET_RATIO ? 'within target' : 'UNDER TARGET';
    console.log(`Ratio tock/baseline, ${query.name} (median of runs): ${query.medianRatio.toFixed(2)}x (target >= ${API_TARGET_RATIO}x: ${verdict})`);
  }
  const { count, tockKb, rawKb } = report.sockets;
  const kb = (n: number) => n.toFixed(1);
  console.log(`\nMemory per socket, ${count} sockets (after a full GC, delta of heap + external buffers, and of RSS, over the count)`);
  console.log('| Server | Heap + external (kB/socket) | RSS (kB/socket) |');
  console.log('|---|---|---|');
  console.log(`| Tock, graphql-ws subscribed to commsEvents | ${kb(tockKb.heap)} | ${kb(tockKb.rss)} |`);
  console.log(`| Raw ws server, open socket | ${kb(rawKb.heap)} | ${kb(rawKb.rss)} |`);
  const verdict = Math.max(tockKb.heap, tockKb.rss) < SOCKET_TARGET_KB ? 'within target' : 'OVER TARGET';
  console.log(`Tock per subscribed socket: ${kb(Math.max(tockKb.heap, tockKb.rss))} kB, the larger of heap and RSS (target < ${SOCKET_TARGET_KB} kB: ${verdict})`);
}

const only = process.argv[2];
const BENCHES = ['bulk', 'import', 'sending', 'timeline', 'history', 'opt-in-lane', 'websocket', 'pickup', 'schedules-page', 'api', 'fanout'];
// A misspelt name would otherwise run nothing and pass.
if (only && !BENCHES.includes(only)) throw new Error(`No bench named "${only}"; one of: ${BENCHES.join(', ')}`);
let failed = false;
if (!only || only === 'bulk') {
  const report = await runBulkOptInBench();
  printTable(report);
  failed ||= report.ratio > report.targetRatio;
}
if (!only || only === 'import') {
  const report = await runImportBench();
  printImport(report);
  failed ||= median(report.tockMs) >= IMPORT_TARGET_MS;
}
if (!only || only === 'sending') {
  const report = await runSendingBench();
  printSending(report);
  failed ||= report.sendsPerSecond < 300 || report.ratio < 0.6 || (report.burst !== null && (report.burst.latenessMs.p99 > 1000 || report.burst.tooLate > 0));
}
if (!only || only === 'timeline') {
  printTimelineWrites(await runTimelineWritesBench());
}
if (!only || only === 'history') {
  const report = await runCommsHistoryBench();
  printHistory(report);
  failed ||= report.fullScans.length > 0;
}
if (!only || only === 'opt-in-lane') {
  const report = await runOptInLaneBench();
  printOptInLane(report);
  // K9: no reminder later than the polling interval allows because of the bulk opt-in.
  failed ||= report.during.p99 > Math.max(report.processEveryMs, report.without.p99 * 1.5);
}
if (!only || only === 'websocket') {
  const report = await runWebSocketAbuseBench();
  printWebSocketAbuse(report);
  const overGrowth = (mb: number) => mb - report.idleRssMb >= MEMORY_GROWTH_TARGET_MB;
  failed ||= overGrowth(report.bigFrames.peakRssMb) || overGrowth(report.bigFramesAgain.peakRssMb) || overGrowth(report.sockets.peakRssMb) || report.revokeToCloseMs.max >= 1000;
}
if (!only || only === 'pickup') {
  const report = await runPickUpBench();
  printPickUp(report);
  failed ||= report.notified.p50 >= 50 || report.polling.max > report.processEveryMs + 250;
}
if (!only || only === 'schedules-page') {
  const report = await runSchedulesPageBench();
  printSchedulesPage(report);
  failed ||= report.rows[1].pageMs >= 1000;
}
if (!only || only === 'api') {
  const report = await runApiBench();
  printApi(report);
  const { tockKb } = report.sockets;
  failed ||= report.queries.some((q) => q.medianRatio < API_TARGET_RATIO) || Math.max(tockKb.heap, tockKb.rss) >= SOCKET_TARGET_KB;
}
if (!only || only === 'fanout') {
  const report = await runFanOutBench();
  console.log(`\nFan-outs off the request (item 9), ${report.recipients.toLocaleString('en-US')} recipients, the request alone`);
  console.log(`| Request | Time | Target |`);
  console.log(`|---|---|---|`);
  console.log(`| publishSchedule | ${report.publishMs.toFixed(0)} ms | < 1000 ms |`);
  console.log(`| sendDayOfUpdate | ${report.dayOfMs.toFixed(0)} ms | < 1000 ms |`);
  failed ||= report.publishMs >= 1000 || report.dayOfMs >= 1000;
}
if (failed) process.exitCode = 1;
