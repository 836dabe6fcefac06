import { A, createAsync, revalidate } from '@solidjs/router';
import { Show, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import { VisuallyHidden } from '../../components/visually-hidden';
import { formatDateTime, formatPhone, humanize } from '../../lib/format';
import { isAdmin } from '../../lib/session';
import { getJobQueue, type JobQueue, type QueuedJob } from './jobs.data';
import './jobs.css';

const JOB_NAMES: Record<string, string> = {
  'send-message': 'Send a text',
  'carrier-lookup': 'Carrier look-up',
  'shift-alerts': 'Shift alerts (recurring)',
  reconcile: 'Reconciler (recurring)',
  'opt-in-confirmations': 'Opt-in confirmations (recurring)',
};
const jobName = (name: string) => JOB_NAMES[name] ?? name;

const STATE_WORDS: Record<string, string> = {
  RUNNING: 'Running',
  RETRYING: 'Retrying',
  OVERDUE: 'Overdue',
  DUE_SOON: 'Due soon',
  SCHEDULED: 'Scheduled',
  FAILED: 'Failed',
};

// How late a job is, in words ("12 minutes late").
function lateness(job: QueuedJob, generatedAt: string): string {
  if (!job.nextRunAt) return '';
  const minutes = Math.round((Date.parse(generatedAt) - Date.parse(job.nextRunAt)) / 60_000);
  if (minutes < 1) return 'less than a minute late';
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'} late`;
  return `${Math.round(minutes / 60)} hours late`;
}

const Counts: Component<{ queue: JobQueue }> = (props) => (
  <Show when={props.queue.counts.length} fallback={<p class="empty">No job is waiting, running or failing.</p>}>
    <DataTable
      label="Jobs by state"
      columns={[
        { header: 'Job', rowHeader: true, cell: (count) => jobName(count.name) },
        { header: 'Running', cell: (count) => count.running },
        { header: 'Retrying', cell: (count) => count.retrying },
        { header: 'Overdue', cell: (count) => count.overdue, classList: (count) => ({ 'jobs-bad': count.overdue > 0 }) },
        { header: <>Due in {props.queue.dueSoonMinutes} min</>, cell: (count) => count.dueSoon },
        { header: 'Later', cell: (count) => count.scheduled },
        { header: 'Failed (24 h)', cell: (count) => count.failed, classList: (count) => ({ 'jobs-bad': count.failed > 0 }) },
      ]}
      rows={props.queue.counts}
      rowProps={(count) => ({ 'data-job-name': count.name })}
    />
  </Show>
);

const MessageCell: Component<{ job: QueuedJob }> = (props) => (
  <Show when={props.job.message} fallback={<span class="hint">{props.job.system ? 'Serves every workspace' : '—'}</span>}>
    {(message) => (
      <A href={`/messages/${message().id}`}>
        {humanize(message().kind)} to {message().participant?.name ?? message().employee?.name ?? formatPhone(message().recipientPhone)}
      </A>
    )}
  </Show>
);

const NextJobs: Component<{ queue: JobQueue }> = (props) => (
  <Show when={props.queue.next.length} fallback={<p class="empty">Nothing is due.</p>}>
    <DataTable
      label="Next jobs to run"
      columns={[
        {
          header: 'Runs',
          cell: (job) => (
            <>
              <Show when={job.state === 'RUNNING'} fallback={<time datetime={job.nextRunAt ?? ''}>{formatDateTime(job.nextRunAt)}</time>}>
                Now (since {formatDateTime(job.lockedAt)})
              </Show>
              <Show when={job.state === 'RETRYING'}>
                <VisuallyHidden> (next attempt)</VisuallyHidden>
              </Show>
            </>
          ),
        },
        {
          header: 'State',
          cell: (job) => (
            <>
              <span class={`job-state job-state-${job.state.toLowerCase()}`}>{STATE_WORDS[job.state] ?? humanize(job.state)}</span>
              <Show when={job.state === 'RETRYING'}>
                <span class="hint"> next attempt {formatDateTime(job.nextRunAt)}</span>
              </Show>
            </>
          ),
        },
        { header: 'Job', cell: (job) => jobName(job.name) },
        { header: 'Message', cell: (job) => <MessageCell job={job} /> },
        {
          header: 'Last failure',
          cell: (job) => (
            <Show when={job.failCount}>
              {(count) => (
                <>
                  {count()} failed attempt{count() === 1 ? '' : 's'}
                  <Show when={job.failReason}>{(why) => <span class="jobs-reason">: {why()}</span>}</Show>
                </>
              )}
            </Show>
          ),
        },
      ]}
      rows={props.queue.next}
      rowProps={(job) => ({ 'data-job-id': job.id, 'data-state': job.state })}
    />
  </Show>
);

const Overdue: Component<{ queue: JobQueue }> = (props) => (
  <Show when={props.queue.oldestOverdue} fallback={<p class="jobs-ok">Nothing is overdue: every due job has been picked up.</p>}>
    {(job) => (
      <div class="jobs-overdue" role="status">
        <p>
          <strong>Oldest overdue:</strong> {jobName(job().name)}, due {formatDateTime(job().nextRunAt)} ({lateness(job(), props.queue.generatedAt)}).{' '}
          <MessageCell job={job()} />
        </p>
        <p class="hint">An overdue job means no worker is taking jobs, or the workers are busy (a burst, the provider's rate limit).</p>
      </div>
    )}
  </Show>
);

/** C2 (ADMIN): the job queue, so an admin sees at a glance why a text is late. */
const JobsPage: Component = () => {
  const queue = createAsync(() => (isAdmin() ? getJobQueue() : Promise.resolve(null)));
  return (
    <Page
      title="Job queue"
      actions={
        <Show when={isAdmin()}>
          <button type="button" onClick={() => void revalidate(getJobQueue.key)}>
            Refresh
          </button>
        </Show>
      }
    >
      <Show when={isAdmin()} fallback={<p class="hint">Only an ADMIN key can see the job queue.</p>}>
        <Show when={queue()}>
          {(current) => (
            <>
              <p class="hint">
                As of {formatDateTime(current().generatedAt)}, from the {current().store === 'SQL' ? 'application database' : humanize(current().store)} job store.
                <Show when={current().partial}> More jobs are waiting than shown; the counts cover the earliest 5,000.</Show>
              </p>
              <Overdue queue={current()} />
              <h2>By job and state</h2>
              <Counts queue={current()} />
              <h2>Next to run</h2>
              <NextJobs queue={current()} />
            </>
          )}
        </Show>
      </Show>
    </Page>
  );
};

export default JobsPage;
