import { runBulkOptInBench, type BulkOptInReport } from './bulk-opt-in.bench.js';
import { runCommsHistoryBench, type HistoryReport } from './comms-history.bench.js';
import { runSendingBench, type SendingReport } from './sending.bench.js';
import { configureLogging, type LogLevel } from '../src/observability/logger.js';

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
  console.log(`| ${report.reminders.toLocaleString('en-US')} reminders due in one minute: lateness p50 | ${fixed(report.latenessMs.p50)} ms | |`);
  console.log(`| … p99 | ${fixed(report.latenessMs.p99)} ms | <= ${report.processEveryMs} ms (polling interval) |`);
  console.log(`| … max | ${fixed(report.latenessMs.max)} ms | |`);
  console.log(`| Peak RSS of the process (API, worker and stand-in) | ${report.peakRssMb} MB | |`);
}

function printHistory(report: HistoryReport): void {
  console.log(`\nMessage history over ${report.entries.toLocaleString('en-US')} log entries (first page of 25, MariaDB)`);
  console.log('| Filter | Plan (table:access(index)) | Rows estimated | Median (ms) | Found |');
  console.log('|---|---|---|---|---|');
  for (const row of report.rows) console.log(`| ${row.filter} | ${row.plan} | ${row.rowsExamined} | ${row.medianMs.toFixed(1)} | ${row.found} |`);
  console.log(report.fullScans.length ? `Full scans: ${report.fullScans.join(', ')}` : 'No filter scans the whole table.');
}

const only = process.argv[2];
let failed = false;
if (!only || only === 'bulk') {
  const report = await runBulkOptInBench();
  printTable(report);
  failed ||= report.ratio > report.targetRatio;
}
if (!only || only === 'sending') {
  const report = await runSendingBench();
  printSending(report);
  failed ||= report.sendsPerSecond < 300 || report.ratio < 0.6 || report.latenessMs.p99 > report.processEveryMs;
}
if (!only || only === 'history') {
  const report = await runCommsHistoryBench();
  printHistory(report);
  failed ||= report.fullScans.length > 0;
}
if (failed) process.exitCode = 1;
