import { Show, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { consentSourceName, formatActor, formatDateTime, humanize } from '../../lib/format';
import type { ConsentRecordRow } from './consent-audit.data';

const orNone = (value: string | null): string => value ?? '—';

/** Every stored field of one consent record (K5: the proof, as kept). */
export const ConsentRecordDetails: Component<{ record: ConsentRecordRow; onClose: () => void }> = (props) => (
  <Dialog open title="Consent record" onClose={props.onClose}>
    <dl class="facts">
      <dt>Recorded</dt>
      <dd>{formatDateTime(props.record.createdAt)}</dd>
      <dt>Action</dt>
      <dd>{humanize(props.record.action)}</dd>
      <dt>Source</dt>
      <dd>{consentSourceName(props.record.source)}</dd>
      <dt>Subject</dt>
      <dd>
        {humanize(props.record.subjectType)} <code>{props.record.subjectId}</code>
      </dd>
      <dt>Phone</dt>
      <dd>{orNone(props.record.phone)}</dd>
      <dt>Actor</dt>
      <dd>
        {formatActor(props.record.actorLabel)}
        <Show when={props.record.actorApiKeyId}>{(id) => <> (key <code>{id()}</code>)</>}</Show>
      </dd>
      <dt>Attestation</dt>
      <dd>{orNone(props.record.attestation)}</dd>
      <dt>Keyword</dt>
      <dd>{orNone(props.record.keyword)}</dd>
      <dt>IP address</dt>
      <dd>{orNone(props.record.ipAddress)}</dd>
      <dt>User agent</dt>
      <dd class="consent-wrap">{orNone(props.record.userAgent)}</dd>
      <dt>Study / session / booking</dt>
      <dd class="consent-wrap">
        {[props.record.studyId, props.record.sessionId, props.record.bookingId].map((id) => id ?? '—').join(' / ')}
      </dd>
      <dt>Record id</dt>
      <dd>
        <code>{props.record.id}</code>
      </dd>
    </dl>
    <h3>Disclosure shown{props.record.disclosureVersion ? ` (version ${props.record.disclosureVersion})` : ''}</h3>
    <Show when={props.record.disclosureText} fallback={<p class="hint">No disclosure text was recorded for this change.</p>}>
      {(text) => <p class="disclosure">{text()}</p>}
    </Show>
    <div class="actions">
      <button type="button" onClick={() => props.onClose()}>
        Close
      </button>
    </div>
  </Dialog>
);
