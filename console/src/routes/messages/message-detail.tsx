import { A, createAsync, useAction } from '@solidjs/router';
import { For, Show, createSignal, createUniqueId, type Component } from 'solid-js';
import { SKIP_REASON_HELP } from '../../components/skip-reasons';
import { ErrorNotice, StatusBadge } from '../../components/status';
import { formatDateTime, formatDateTimeIn, formatPhone, humanize, viewerTimeZone } from '../../lib/format';
import { isAdmin } from '../../lib/session';
import { getMessageDetail, resendMessage, type CodeExplanation, type MessageDetail, type TimelineEvent } from './message-detail.data';

// C2: each timeline row in words.
function eventTitle(event: TimelineEvent): string {
  const attempt = event.attempt ? ` (attempt ${event.attempt})` : '';
  switch (event.type) {
    case 'QUEUED':
      return 'Queued';
    case 'HELD':
      return 'Held for quiet hours';
    case 'WAITING':
      return 'Waiting for the provider’s rate limit';
    case 'ATTEMPT_STARTED':
      return event.attempt ? `Attempt ${event.attempt} started` : 'Attempt started';
    case 'RETRY_SCHEDULED':
      return `Provider said “try later”${attempt}`;
    case 'ATTEMPT_RETURNED':
      return `Attempt handed back before the provider answered${attempt}`;
    case 'SENT':
      return `Sent${attempt}`;
    case 'RECEIPT':
      return `Delivery receipt: ${event.providerStatus ?? 'received'}`;
    case 'FAILED':
      return `Failed${attempt}`;
    case 'SKIPPED':
      return `Held back: ${humanize(event.code)}`;
    case 'INTERRUPTED':
      return `Interrupted${attempt}`;
    case 'RESENT':
      return 'Resent by an admin';
    default:
      return humanize(event.type);
  }
}

const Explanation: Component<{ explanation: CodeExplanation }> = (props) => (
  <div class="code-explanation">
    <p>
      <strong>
        {props.explanation.source} {props.explanation.code}: {props.explanation.title}.
      </strong>{' '}
      {props.explanation.meaning}
    </p>
    <p>
      <span class="code-what">What to do:</span> {props.explanation.whatToDo}
    </p>
  </div>
);

const Timeline: Component<{ entry: MessageDetail }> = (props) => (
  <Show
    when={props.entry.history.length}
    fallback={
      <p class="hint">
        Logged {formatDateTime(props.entry.createdAt)}. No timeline was recorded for this message (it was logged before timelines were kept).
      </p>
    }
  >
    <ol class="timeline" aria-label="Status timeline">
      <For each={props.entry.history}>
        {(event) => (
          <li class={`timeline-event timeline-${event.type.toLowerCase()}`} data-event-type={event.type}>
            <time datetime={event.at}>{formatDateTime(event.at)}</time>
            <div class="timeline-body">
              <p class="timeline-title">{eventTitle(event)}</p>
              <Show when={event.type === 'RESENT' && event.detail}>
                {(id) => (
                  <p>
                    New message: <A href={`/messages/${id()}`}>message {id()}</A>
                  </p>
                )}
              </Show>
              <Show when={event.type === 'QUEUED' && props.entry.resendOfId}>
                {(id) => (
                  <p>
                    A resend of <A href={`/messages/${id()}`}>message {id()}</A>
                  </p>
                )}
              </Show>
              <Show when={event.type === 'SKIPPED' && event.code && SKIP_REASON_HELP[event.code]}>{(help) => <p>{help()}</p>}</Show>
              <Show when={event.type !== 'RESENT' && event.type !== 'QUEUED' && event.type !== 'SKIPPED' && event.detail}>{(detail) => <p class="timeline-detail">{detail()}</p>}</Show>
              <Show when={event.explanation}>{(explanation) => <Explanation explanation={explanation()} />}</Show>
              <Show when={!event.explanation && event.code && event.type !== 'SKIPPED'}>
                <p class="timeline-detail">Code {event.code}</p>
              </Show>
            </div>
          </li>
        )}
      </For>
    </ol>
  </Show>
);

// What the text is about, linked to the pages that show it.
const Subject: Component<{ entry: MessageDetail }> = (props) => (
  <dl class="facts message-facts">
    <dt>Status</dt>
    <dd>
      <StatusBadge status={props.entry.status} />
      <Show when={props.entry.skipReason}>{(reason) => <span> {humanize(reason())}</span>}</Show>
    </dd>
    <dt>Kind</dt>
    <dd>
      {humanize(props.entry.kind)} ({humanize(props.entry.direction)})
    </dd>
    <dt>{props.entry.direction === 'INBOUND' ? 'From' : 'To'}</dt>
    <dd>
      <Show when={props.entry.participant}>
        {(person) => (
          <>
            <A href={`/participants/${person().id}`}>{person().name}</A>{' '}
          </>
        )}
      </Show>
      <Show when={props.entry.employee}>
        {(person) => (
          <>
            <A href="/team">{person().name}</A>{' '}
          </>
        )}
      </Show>
      {props.entry.recipientPhone ? formatPhone(props.entry.recipientPhone) : props.entry.participant || props.entry.employee ? '' : '—'}
    </dd>
    <Show when={props.entry.studyId}>
      {(studyId) => (
        <>
          <dt>Study</dt>
          <dd>
            <A href={`/studies/${studyId()}`}>Open the study</A>
            <Show when={props.entry.sessionId}>
              {(sessionId) => (
                <>
                  {' · '}
                  <A href={`/studies/${studyId()}#session-${sessionId()}`}>Open the session</A>
                </>
              )}
            </Show>
          </dd>
        </>
      )}
    </Show>
    <Show when={props.entry.shiftId || props.entry.scheduleWeekId}>
      <dt>Schedule</dt>
      <dd>
        <A href="/schedules">Open schedules</A>
      </dd>
    </Show>
    <Show when={props.entry.subjectStartsAt}>
      {(startsAt) => (
        <>
          <dt>Session or shift starts</dt>
          <dd>{formatDateTime(startsAt())}</dd>
        </>
      )}
    </Show>
    <Show when={props.entry.scheduledFor}>
      {(due) => (
        <>
          <dt>Due</dt>
          <dd>
            {formatDateTime(due())}
            <Show when={props.entry.recipientTimeZone}>{(zone) => <> ({formatDateTimeIn(due(), zone())} for the recipient)</>}</Show>
          </dd>
        </>
      )}
    </Show>
    <Show when={props.entry.holdReason}>
      {(why) => (
        <>
          <dt>Waiting</dt>
          <dd>{why()}</dd>
        </>
      )}
    </Show>
    <Show when={props.entry.channel}>
      {(channel) => (
        <>
          <dt>Channel</dt>
          <dd>
            {humanize(channel())}
            <Show when={props.entry.senderPhone}>{(from) => <> from {formatPhone(from())}</>}</Show>
          </dd>
        </>
      )}
    </Show>
    <Show when={props.entry.providerMessageId}>
      {(id) => (
        <>
          <dt>Provider message id</dt>
          <dd>
            <code>{id()}</code>
          </dd>
        </>
      )}
    </Show>
  </dl>
);

// L9: FAILED (interrupted ones included) outbound texts can be resent by an ADMIN.
const ResendControl: Component<{ entry: MessageDetail }> = (props) => {
  const resend = useAction(resendMessage);
  const reasonId = createUniqueId();
  const [key] = createSignal(crypto.randomUUID());
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [resent, setResent] = createSignal<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResent((await resend(props.entry.id, key())).id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="resend">
      <Show
        when={resent()}
        fallback={
          <button type="button" class="primary" disabled={busy() || !isAdmin()} aria-describedby={isAdmin() ? undefined : reasonId} onClick={() => void run()}>
            {busy() ? 'Resending…' : 'Resend'}
          </button>
        }
      >
        {(id) => (
          <p role="status">
            Resent as <A href={`/messages/${id()}`}>message {id()}</A>; it is decided afresh (consent, opt-outs) when it goes.
          </p>
        )}
      </Show>
      <Show when={!isAdmin()}>
        <p class="hint" id={reasonId}>
          Only an ADMIN key can resend a text.
        </p>
      </Show>
      <Show when={error()}>{(failure) => <ErrorNotice error={failure()} />}</Show>
    </div>
  );
};

/** C2/L9: one message: what it is about, its words, its status timeline with explained codes, and Resend when it failed. */
export const MessageDetailView: Component<{ id: string; headingLevel?: 2 | 3 }> = (props) => {
  const detail = createAsync(() => getMessageDetail(props.id));
  const Heading: Component<{ children: string }> = (p) => (props.headingLevel === 3 ? <h3>{p.children}</h3> : <h2>{p.children}</h2>);
  return (
    <Show when={detail()}>
      {(current) => (
        <div class="message-detail" data-entry-id={current().entry.id}>
          <p class="hint">Times are in your time zone, {viewerTimeZone()}.</p>
          <Subject entry={current().entry} />
          <Show when={current().entry.errorExplanation}>
            {(explanation) => (
              <section class="message-error" aria-label={current().entry.status === 'FAILED' ? 'Why it failed' : 'The provider’s last answer'}>
                <Heading>{current().entry.status === 'FAILED' ? 'Why it failed' : 'The provider’s last answer'}</Heading>
                <Explanation explanation={explanation()} />
              </section>
            )}
          </Show>
          <Show when={current().entry.status === 'FAILED' && current().entry.direction === 'OUTBOUND'}>
            <ResendControl entry={current().entry} />
          </Show>
          <section aria-label="Text">
            <Heading>{current().text.asSent ? 'Text' : current().entry.status === 'SKIPPED' ? 'Text it would have been' : 'Text as it would read now'}</Heading>
            <Show when={current().text.text} fallback={<p class="hint">No text to show.</p>}>
              {(text) => <blockquote class="message-text">{text()}</blockquote>}
            </Show>
            <Show when={current().entry.segments}>
              {(segments) => (
                <p class="hint">
                  {segments()} segment{segments() === 1 ? '' : 's'}, {current().entry.encoding}
                </p>
              )}
            </Show>
          </section>
          <section aria-label="Timeline">
            <Heading>Timeline</Heading>
            <Timeline entry={current().entry} />
          </section>
        </div>
      )}
    </Show>
  );
};
