import { revalidate } from '@solidjs/router';
import { For, Match, Show, Switch, createSignal, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { ConsentNoteField } from '../../components/consent-note-field';
import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { employeeCount } from './employee-count.util';
import { readEmployeeCsv, type EmployeeCsv, type RowProblem } from './employee-csv';
import { IMPORT_CHUNK, getEmployees, importEmployees } from './team.data';

// The first problems shown; the count says how many more there are.
const SHOWN_PROBLEMS = 100;
const PREVIEW_ROWS = 5;

interface Totals {
  created: number;
  updated: number;
  unchanged: number;
  consentRecords: number;
}

const rows = (n: number) => (n === 1 ? '1 row' : `${n.toLocaleString('en-US')} rows`);

// E2 in bulk: a CSV of the team, previewed, then sent 1,000 rows a call with
// progress; rows the console or the server refuses are listed by line.
export const ImportDialog: Component<{ onClose: () => void }> = (props) => {
  const [csv, setCsv] = createSignal<EmployeeCsv | null>(null);
  const [fileName, setFileName] = createSignal('');
  const [statement, setStatement] = createSignal('');
  const [error, setError] = createSignal<unknown>(null);
  const [sent, setSent] = createSignal(0);
  const [running, setRunning] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const [serverProblems, setServerProblems] = createSignal<RowProblem[]>([]);
  const [totals, setTotals] = createSignal<Totals>({ created: 0, updated: 0, unchanged: 0, consentRecords: 0 });
  // One key per chunk of this file, so a retried chunk is answered, not applied twice.
  const batchKey = crypto.randomUUID();

  const ready = () => csv()?.rows ?? [];
  const problems = () => [...(csv()?.problems ?? []), ...serverProblems()].sort((a, b) => a.line - b.line);
  const needStatement = () => ready().some((r) => r.smsOptIn && !r.attestation);

  const choose = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    setFileName(file.name);
    setCsv(readEmployeeCsv(await file.text()));
  };

  const run = async () => {
    const file = csv();
    if (!file) return;
    const text = statement().trim();
    if ((text || needStatement()) && text.length < 10) {
      setError(new ApiError('Say how consent was obtained (at least 10 characters): some rows opt in without their own consent statement.', 'BAD_USER_INPUT', 'attestation'));
      return;
    }
    setRunning(true);
    setError(null);
    try {
      // Resumes where a failed call stopped.
      for (let start = sent(); start < file.rows.length; start += IMPORT_CHUNK) {
        const chunk = file.rows.slice(start, start + IMPORT_CHUNK);
        const result = await importEmployees(chunk.map(({ line: _, ...row }) => row), text || null, `${batchKey}:${start}`);
        setTotals((t) => ({
          created: t.created + result.created,
          updated: t.updated + result.updated,
          unchanged: t.unchanged + result.unchanged,
          consentRecords: t.consentRecords + result.consentRecords,
        }));
        const refused = result.rows
          .filter((r) => r.status === 'FAILED')
          .map((r) => ({ line: chunk[r.index].line, field: r.field ?? 'row', message: r.message ?? 'Refused' }));
        setServerProblems((p) => [...p, ...refused]);
        setSent(start + chunk.length);
      }
      setDone(true);
      void revalidate(getEmployees.key);
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog open title={done() ? 'Import finished' : 'Import employees from a CSV file'} onClose={props.onClose}>
      <div class="team-import">
        <Show when={!running() && !done() && sent() === 0}>
          <div class="field">
            <label for="team-import-file">CSV file</label>
            <input id="team-import-file" type="file" accept=".csv,text/csv" aria-describedby="team-import-file-hint" onChange={(event) => void choose(event.currentTarget.files?.[0])} />
            <p class="hint" id="team-import-file-hint">
              A header row, then one employee a line: name (required), email, phone, sms opt-in (yes or no), consent statement, time zone, language. Rows
              match employees by email, then phone; a blank cell keeps what is stored.
            </p>
          </div>
        </Show>
        <Show when={csv()}>
          {(file) => (
            <>
              <p role="status">
                {fileName()}: <strong>{rows(file().rows.length)} ready to import</strong>
                {file().problems.length ? `; ${rows(file().problems.length)} with problems will be left out` : ''}.
              </p>
              <Show when={file().rows.length > 0 && !done()}>
                <DataTable
                  label="Import preview"
                  caption={<>The first {Math.min(PREVIEW_ROWS, file().rows.length)} rows</>}
                  captionClass="hint"
                  columns={[
                    { header: 'Line', cell: (row) => row.line },
                    { header: 'Name', cell: (row) => row.name },
                    { header: 'Email', cell: (row) => row.email ?? '—' },
                    { header: 'Phone', cell: (row) => row.phone ?? '—' },
                    { header: 'SMS opt-in', cell: (row) => (row.smsOptIn === undefined ? 'Keep' : row.smsOptIn ? 'On' : 'Off') },
                  ]}
                  rows={file().rows.slice(0, PREVIEW_ROWS)}
                />
              </Show>
              <Show when={!done() && sent() === 0 && file().rows.length > 0}>
                <ConsentNoteField
                  label={needStatement() ? 'How was consent obtained?' : 'How was consent obtained? (only if rows opt in)'}
                  required={needStatement()}
                  maxlength={2000}
                  value={statement()}
                  onInput={(event) => setStatement(event.currentTarget.value)}
                  hint="Kept on the consent record (source Bulk) of every row that opts in without its own consent statement; 10 to 2,000 characters."
                  error={fieldError(error(), 'attestation')}
                />
              </Show>
            </>
          )}
        </Show>

        <Show when={running() || sent() > 0}>
          <div class="field">
            <label for="team-import-progress">Progress</label>
            <progress id="team-import-progress" max={ready().length} value={sent()} />
            <p class="hint" aria-live="polite">
              {sent() === ready().length ? `All ${rows(ready().length)} sent.` : `${sent().toLocaleString('en-US')} of ${rows(ready().length)} sent…`}
            </p>
          </div>
        </Show>

        <Show when={done()}>
          {/* The status role sits on a wrapper: on the <dl> itself it would hide the list's terms. */}
          <div role="status" aria-label="Import result">
            <dl class="facts">
              <dt>Created</dt>
              <dd>{employeeCount(totals().created)}</dd>
              <dt>Updated</dt>
              <dd>{employeeCount(totals().updated)}</dd>
              <dt>Unchanged</dt>
              <dd>{employeeCount(totals().unchanged)}</dd>
              <dt>Not imported</dt>
              <dd>{rows(problems().length)}</dd>
              <dt>Consent records written</dt>
              <dd>{totals().consentRecords.toLocaleString('en-US')}</dd>
            </dl>
          </div>
        </Show>

        <Show when={problems().length > 0}>
          <section aria-labelledby="team-import-problems">
            <h3 id="team-import-problems">Rows with problems ({problems().length.toLocaleString('en-US')})</h3>
            <ul class="team-import-problems" aria-label="Rows with problems">
              <For each={problems().slice(0, SHOWN_PROBLEMS)}>
                {(problem) => (
                  <li>
                    Line {problem.line}, {problem.field}: {problem.message}
                  </li>
                )}
              </For>
            </ul>
            <Show when={problems().length > SHOWN_PROBLEMS}>
              <p class="hint">and {rows(problems().length - SHOWN_PROBLEMS)} more.</p>
            </Show>
          </section>
        </Show>

        <Show when={error() && !fieldError(error(), 'attestation')}>
          <ErrorNotice error={error()} />
        </Show>
        <div class="actions">
          <Switch>
            <Match when={done()}>
              <button type="button" class="primary" onClick={props.onClose}>
                Close
              </button>
            </Match>
            <Match when={true}>
              <button type="button" onClick={props.onClose} disabled={running()}>
                Cancel
              </button>
              <button type="button" class="primary" disabled={running() || ready().length === 0} onClick={() => void run()}>
                {running() ? 'Importing…' : sent() > 0 ? 'Resume import' : `Import ${rows(ready().length)}`}
              </button>
            </Match>
          </Switch>
        </div>
      </div>
    </Dialog>
  );
};
