import { runBulkOptInBench, type BulkOptInReport } from './bulk-opt-in.bench.js';

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

const report = await runBulkOptInBench();
printTable(report);
if (report.ratio > report.targetRatio) process.exitCode = 1;
