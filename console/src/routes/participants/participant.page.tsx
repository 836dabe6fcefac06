import { A, createAsync, revalidate, useAction, useParams } from '@solidjs/router';
import { For, Show, createEffect, createSignal, onCleanup, type Component } from 'solid-js';
import { ConsentNoteField } from '../../components/consent-note-field';
import { DataTable } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { consentSourceName, formatActor, formatDateTime, humanize, viewerTimeZone } from '../../lib/format';
import { subscribe } from '../../lib/live';
import { apiKey } from '../../lib/session';
import { PARTICIPANT_CONSENT_CHANGED, getConsentHistory, getParticipant, setParticipantSmsConsent, type ParticipantConsentRecord, type ParticipantDetail } from './participant.data';
import { ConsentBadge } from './consent-badge';
import './participants.css';

const ConsentChangeDialog: Component<{ participant: ParticipantDetail; open: boolean; onClose: () => void; onDone: (message: string) => void }> = (props) => {
  const change = useAction(setParticipantSmsConsent);
  const granting = () => !props.participant.smsConsent;
  const [phone, setPhone] = createSignal('');
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const close = () => {
    setError(null);
    setNote('');
    setPhone('');
    props.onClose();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // Read before the change: the revalidated participant flips granting().
    const granted = granting();
    // S8: a grant keeps how consent was obtained (the server refuses it without one too).
    if (granted && !note().trim()) {
      setError(new ApiError('Say how consent was obtained.', 'BAD_USER_INPUT', 'attestation'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await change({ participantId: props.participant.id, granted, phone: granted ? phone() : undefined, attestation: note() });
      const done = granted ? 'SMS consent granted.' : 'SMS consent revoked.';
      close();
      props.onDone(done);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const otherError = () => {
    const failure = error();
    return failure && !(failure instanceof ApiError && (failure.field === 'phone' || failure.field === 'attestation')) ? failure : null;
  };
  return (
    <Dialog open={props.open} title={granting() ? `Grant SMS consent for ${props.participant.name}` : `Revoke SMS consent for ${props.participant.name}?`} onClose={close}>
      <form onSubmit={submit} novalidate>
        <Show
          when={granting()}
          fallback={<p>They will get no more texts about their bookings until consent is granted again. A consent record (source Admin) keeps who did this.</p>}
        >
          <p>Only grant consent the participant gave you. A consent record (source Admin) keeps who did this and your note.</p>
          <Field
            label="Mobile number"
            type="tel"
            autocomplete="off"
            value={phone()}
            placeholder={props.participant.phone ?? ''}
            onInput={(event) => setPhone(event.currentTarget.value)}
            hint={props.participant.phone ? `Leave empty to use the number on file (${props.participant.phone}).` : 'Required: there is no number on file.'}
            error={fieldError(error(), 'phone')}
          />
        </Show>
        <ConsentNoteField
          label={granting() ? 'How was consent obtained?' : 'Note (optional)'}
          required={granting()}
          maxlength={1000}
          value={note()}
          onInput={(event) => setNote(event.currentTarget.value)}
          hint="Kept on the consent record for audit."
          error={fieldError(error(), 'attestation')}
        />
        <Show when={otherError()}>
          <ErrorNotice error={otherError()} />
        </Show>
        <div class="actions">
          <button type="button" onClick={close}>
            Keep as is
          </button>
          <button type="submit" class={granting() ? 'primary' : 'danger'} disabled={pending()}>
            {granting() ? 'Grant consent' : 'Revoke consent'}
          </button>
        </div>
      </form>
    </Dialog>
  );
};

const ConsentTimeline: Component<{ records: ParticipantConsentRecord[] }> = (props) => (
  <Show when={props.records.length > 0} fallback={<p class="empty">No consent changes recorded yet.</p>}>
    <ol class="timeline participant-timeline" aria-label="Consent history">
      <For each={props.records}>
        {(record) => (
          <li>
            <h3>
              <span class={`badge badge-${record.action.toLowerCase()}`}>{humanize(record.action)}</span>
              <span>{consentSourceName(record.source)}</span>
              <time datetime={record.createdAt}>{formatDateTime(record.createdAt)}</time>
            </h3>
            <dl class="facts">
              <dt>By</dt>
              <dd>{formatActor(record.actorLabel)}</dd>
              <dt>Phone</dt>
              <dd>{record.phone ?? '—'}</dd>
              <Show when={record.disclosureVersion}>
                <dt>Disclosure</dt>
                <dd>Version {record.disclosureVersion}</dd>
              </Show>
              <Show when={record.attestation}>
                <dt>Attestation</dt>
                <dd>{record.attestation}</dd>
              </Show>
              <Show when={record.keyword}>
                <dt>Keyword</dt>
                <dd>{record.keyword}</dd>
              </Show>
              <Show when={record.ipAddress}>
                <dt>IP address</dt>
                <dd>{record.ipAddress}</dd>
              </Show>
              <Show when={record.userAgent}>
                <dt>Browser</dt>
                <dd>{record.userAgent}</dd>
              </Show>
            </dl>
            <Show when={record.disclosureText}>
              <details>
                <summary>Disclosure text shown</summary>
                <p class="disclosure">{record.disclosureText}</p>
              </details>
            </Show>
          </li>
        )}
      </For>
    </ol>
  </Show>
);

const ParticipantView: Component<{ participant: ParticipantDetail; records: ParticipantConsentRecord[] }> = (props) => {
  const [open, setOpen] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  return (
    <>
      <section class="panel" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <dl class="facts">
          <dt>Email</dt>
          <dd>{props.participant.email}</dd>
          <dt>Time zone</dt>
          <dd>{props.participant.timeZone ?? "The study's"}</dd>
          <dt>Language of texts</dt>
          <dd>{props.participant.language === 'ES' ? 'Español (Spanish)' : 'English'}</dd>
          <dt>Phone</dt>
          <dd>{props.participant.phone ?? 'No phone on file'}</dd>
          <dt>SMS consent</dt>
          <dd>
            <ConsentBadge granted={props.participant.smsConsent} />
          </dd>
          <dt>First seen</dt>
          <dd>{formatDateTime(props.participant.createdAt)}</dd>
        </dl>
      </section>

      <section class="panel" aria-labelledby="bookings-title">
        <h2 id="bookings-title">Bookings</h2>
        <DataTable
          label="Bookings"
          columns={[
            { header: 'Study', cell: (booking) => <A href={`/studies/${booking.session.study.id}`}>{booking.session.study.name}</A> },
            {
              header: 'Session',
              cell: (booking) => (
                <>
                  {formatDateTime(booking.session.startsAt)}
                  {booking.session.status === 'CANCELLED' ? ' (session cancelled)' : ''}
                </>
              ),
            },
            { header: 'Location', cell: (booking) => booking.session.location ?? '—' },
            { header: 'Booking', cell: (booking) => humanize(booking.status) },
            { header: 'Booked', cell: (booking) => formatDateTime(booking.createdAt) },
          ]}
          rows={props.participant.bookings}
          empty={<p class="empty">No bookings.</p>}
        />
      </section>

      <section class="panel" aria-labelledby="consent-title">
        <div class="participant-consent-head">
          <h2 id="consent-title">SMS consent</h2>
          <button type="button" class={props.participant.smsConsent ? 'danger' : 'primary'} onClick={() => setOpen(true)}>
            {props.participant.smsConsent ? 'Revoke SMS consent' : 'Grant SMS consent'}
          </button>
        </div>
        <p class="hint">Every change, newest first. Times in your time zone ({viewerTimeZone()}).</p>
        <Show when={done()}>
          <p class="notice" role="status">
            {done()}
          </p>
        </Show>
        <ConsentTimeline records={props.records} />
      </section>
      <ConsentChangeDialog participant={props.participant} open={open()} onClose={() => setOpen(false)} onDone={setDone} />
    </>
  );
};

const ParticipantNotFound: Component = () => (
  <div class="panel participant-not-found">
    <p>No participant with this link in your workspace. The link may be mistyped, or it belongs to another workspace.</p>
    <p>
      <A href="/participants">Back to all participants</A>
    </p>
  </div>
);

const ParticipantPage: Component = () => {
  const params = useParams<{ id: string }>();
  const participant = createAsync(() => getParticipant(params.id));
  const records = createAsync(() => getConsentHistory(params.id));
  // A consent change made elsewhere (a STOP texted in, another admin) shows here at once.
  createEffect(() => {
    const id = params.id;
    const key = apiKey();
    if (!key) return;
    const stop = subscribe(key, PARTICIPANT_CONSENT_CHANGED, { subjectId: id }, {
      next: () => void revalidate([getParticipant.keyFor(id), getConsentHistory.keyFor(id)]),
      // The page still works without live updates.
      error: () => {},
    });
    onCleanup(stop);
  });
  const notFound = () => participant() === null;
  return (
    <Page
      title={notFound() ? 'Participant not found' : (participant()?.name ?? 'Participant')}
      actions={notFound() ? undefined : <A href="/participants">All participants</A>}
    >
      <Show when={!notFound()} fallback={<ParticipantNotFound />}>
        <Show when={participant() && records()}>
          <ParticipantView participant={participant()!} records={records()!} />
        </Show>
      </Show>
    </Page>
  );
};

export default ParticipantPage;
