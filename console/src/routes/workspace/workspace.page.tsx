import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { LANGUAGE_OPTIONS, SelectField } from '../../components/select-field';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { Toggle } from '../../components/toggle';
import { fieldError } from '../../lib/graphql';
import { formatActor, formatDateTime, formatSettingValue, humanize, timeZoneNames } from '../../lib/format';
import { isAdmin } from '../../lib/session';
import {
  getWorkspace,
  loadAuditPage,
  resetPumpingBreaker,
  setWorkspaceSms,
  updateAbuseSettings,
  updateWorkspaceSettings,
  type SettingsInput,
  type WorkspaceSettings,
} from './workspace.data';
import './workspace.css';

const MEMBER_REASON = 'Only an ADMIN key can change this. You are signed in with a MEMBER key, so it is shown read-only.';

const PROVIDER_LABEL: Record<string, string> = {
  VONAGE: 'Vonage',
  SANDBOX: 'Sandbox (messages are recorded, not sent)',
  NONE: 'None',
};

const SETTING_LABEL: Record<string, string> = {
  smsEnabled: 'Workspace SMS',
  senderNumber: 'Sender number',
  shiftAlertLeadMinutes: 'Shift-alert lead time (minutes)',
  name: 'Name',
  allowedDestinationCountries: 'Allowed destination countries',
  pumpingBudgetPerHour: 'Pumping budget (new numbers per hour)',
  pumpingTrippedAt: 'Pumping breaker tripped',
  timeZone: 'Time zone',
  language: 'Language',
  quietHoursEnabled: 'Quiet hours',
  quietHoursStart: 'Quiet hours start',
  quietHoursEnd: 'Quiet hours end',
};

// A8: shown until an ADMIN resets the breaker.
const BreakerAlert: Component<{ workspace: WorkspaceSettings }> = (props) => {
  const reset = useAction(resetPumpingBreaker);
  const submission = useSubmission(resetPumpingBreaker);
  const breaker = () => props.workspace.pumpingBreaker;
  return (
    <Show when={breaker().tripped}>
      <section class="error-notice breaker-alert" role="alert" aria-labelledby="breaker-heading">
        <h2 id="breaker-heading">Possible SMS pumping: public texts to new numbers are held</h2>
        <p>
          Since {formatDateTime(breaker().trippedAt!)}, signups brought more texts to numbers new to this workspace than its budget of{' '}
          {breaker().budgetPerHour} an hour ({breaker().newNumbersThisHour} in the last hour). Those texts are logged as Skipped, reason “Suspected abuse”.
          Check the live feed, then reset the breaker to let new numbers be texted again.
        </p>
        <Show when={isAdmin()} fallback={<p>{MEMBER_REASON}</p>}>
          <button type="button" class="primary" disabled={submission.pending} onClick={() => reset().catch(() => {})}>
            {submission.pending ? 'Resetting…' : 'Reset the pumping breaker'}
          </button>
        </Show>
        <Show when={submission.error}>{(error) => <ErrorNotice error={error()} />}</Show>
      </section>
    </Show>
  );
};

// A7/A8: where texts may go, and the pumping budget.
const AbusePanel: Component<{ workspace: WorkspaceSettings }> = (props) => {
  const save = useAction(updateAbuseSettings);
  const submission = useSubmission(updateAbuseSettings);
  const [saved, setSaved] = createSignal(false);
  const policy = () => props.workspace.destinationPolicy;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    submission.clear();
    setSaved(false);
    const countries = String(form.get('allowedDestinationCountries') ?? '')
      .split(/[\s,]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    save({ allowedDestinationCountries: countries, pumpingBudgetPerHour: Number(form.get('pumpingBudgetPerHour')) }).then(() => setSaved(true), () => {});
  };
  const fields = ['allowedDestinationCountries', 'pumpingBudgetPerHour'];
  const formError = () => (submission.error && !fields.some((f) => fieldError(submission.error, f)) ? submission.error : undefined);
  return (
    <section class="panel" aria-labelledby="abuse-heading">
      <h2 id="abuse-heading">Abuse protection</h2>
      <Show
        when={isAdmin()}
        fallback={
          <>
            <dl class="facts">
              <dt>Allowed destination countries</dt>
              <dd>{policy().allowedCountries.join(', ')}{policy().isDefault ? ' (default)' : ''}</dd>
              <dt>Pumping budget</dt>
              <dd>{props.workspace.pumpingBreaker.budgetPerHour} new numbers an hour</dd>
            </dl>
            <p class="hint">{MEMBER_REASON}</p>
          </>
        }
      >
        <form class="settings-form" onSubmit={onSubmit}>
          <Field
            label="Allowed destination countries"
            name="allowedDestinationCountries"
            type="text"
            value={policy().isDefault ? '' : policy().allowedCountries.join(', ')}
            hint={`Two-letter codes, comma-separated (now ${policy().allowedCountries.join(', ')}). Empty: the sender number's country. Premium-rate, toll-free and similar numbers are never texted.`}
            error={fieldError(submission.error, 'allowedDestinationCountries')}
          />
          <Field
            label="Pumping budget (new numbers per hour)"
            name="pumpingBudgetPerHour"
            type="number"
            min="1"
            required
            value={String(props.workspace.pumpingBreaker.budgetPerHour)}
            hint="Texts from public signups to numbers new to this workspace, per hour, before the breaker holds them."
            error={fieldError(submission.error, 'pumpingBudgetPerHour')}
          />
          <Show when={formError()}>{(error) => <ErrorNotice error={error()} />}</Show>
          <div class="actions">
            <Show when={saved()}>
              <span role="status">Saved.</span>
            </Show>
            <button type="submit" class="primary" disabled={submission.pending}>
              {submission.pending ? 'Saving…' : 'Save abuse settings'}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
};

const FIELDS = ['name', 'senderNumber', 'shiftAlertLeadMinutes', 'timeZone', 'language', 'quietHoursStart', 'quietHoursEnd'];

const SmsPanel: Component<{ workspace: WorkspaceSettings }> = (props) => {
  const setSms = useAction(setWorkspaceSms);
  const submission = useSubmission(setWorkspaceSms);
  return (
    <section class="panel" aria-labelledby="sms-heading">
      <h2 id="sms-heading">Text messages</h2>
      <Toggle
        label="Workspace SMS"
        checked={props.workspace.smsEnabled}
        busy={submission.pending}
        readOnlyReason={isAdmin() ? undefined : MEMBER_REASON}
        onChange={(enabled) => {
          submission.clear();
          setSms(enabled).catch(() => {});
        }}
      />
      <p class="hint">
        {props.workspace.smsEnabled
          ? 'On: texts go out when everything else allows them (study and week switches, consent, opt-outs).'
          : 'Off: nothing is sent for any study or employee; every would-be text is logged as Skipped, reason “Workspace SMS disabled”.'}
      </p>
      <Show when={submission.error}>{(error) => <ErrorNotice error={error()} />}</Show>
    </section>
  );
};

const DeliveryPanel: Component<{ workspace: WorkspaceSettings }> = (props) => {
  const delivery = () => props.workspace.delivery;
  return (
    <section class="panel" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Delivery</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <span class={`badge ${delivery().configured ? 'badge-delivered' : 'badge-skipped'}`}>
            {delivery().configured ? 'Configured' : 'Not configured'}
          </span>{' '}
          {delivery().summary}
        </dd>
        <dt>Provider</dt>
        <dd>{PROVIDER_LABEL[delivery().provider] ?? delivery().provider}</dd>
        <dt>Sender number</dt>
        <dd>{delivery().senderNumber ?? 'None'}</dd>
        <dt>Email fallback</dt>
        <dd>{delivery().emailFallback ? 'Available (email-to-SMS gateways for employees)' : 'Not available'}</dd>
      </dl>
      <Show when={!delivery().configured}>
        <p class="notice">
          Delivery is not configured (W3): every text is logged as Skipped, reason “Delivery not configured”. Nothing is
          sent, nothing fails and nothing is retried until a provider and a sender number are set up.
        </p>
      </Show>
    </section>
  );
};

const SettingsPanel: Component<{ workspace: WorkspaceSettings }> = (props) => {
  const save = useAction(updateWorkspaceSettings);
  const submission = useSubmission(updateWorkspaceSettings);
  const [saved, setSaved] = createSignal(false);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    submission.clear();
    setSaved(false);
    save({
      name: String(form.get('name') ?? ''),
      senderNumber: String(form.get('senderNumber') ?? ''),
      shiftAlertLeadMinutes: Number(form.get('shiftAlertLeadMinutes')),
      timeZone: String(form.get('timeZone') ?? ''),
      language: String(form.get('language') ?? 'EN') as SettingsInput['language'],
      quietHoursEnabled: form.get('quietHoursEnabled') === 'on',
      quietHoursStart: String(form.get('quietHoursStart') ?? ''),
      quietHoursEnd: String(form.get('quietHoursEnd') ?? ''),
    }).then(() => setSaved(true), () => {});
  };
  const formError = () => (submission.error && !FIELDS.some((f) => fieldError(submission.error, f)) ? submission.error : undefined);
  return (
    <section class="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <Show
        when={isAdmin()}
        fallback={
          <>
            <dl class="facts">
              <dt>Name</dt>
              <dd>{props.workspace.name}</dd>
              <dt>Sender number</dt>
              <dd>{props.workspace.senderNumber ?? 'None'}</dd>
              <dt>Shift-alert lead time</dt>
              <dd>{props.workspace.shiftAlertLeadMinutes} minutes before a shift</dd>
              <dt>Time zone</dt>
              <dd>{props.workspace.timeZone}</dd>
              <dt>Language</dt>
              <dd>{LANGUAGE_OPTIONS.find((o) => o.value === props.workspace.language)?.label ?? props.workspace.language}</dd>
              <dt>Quiet hours</dt>
              <dd>{props.workspace.quietHoursEnabled ? `${props.workspace.quietHoursStart} to ${props.workspace.quietHoursEnd}, recipient's time` : 'Off'}</dd>
            </dl>
            <p class="hint">{MEMBER_REASON}</p>
          </>
        }
      >
        <form class="settings-form" onSubmit={onSubmit}>
          <Field label="Workspace name" name="name" type="text" required value={props.workspace.name} error={fieldError(submission.error, 'name')} />
          <Field
            label="Sender number"
            name="senderNumber"
            type="tel"
            value={props.workspace.senderNumber ?? ''}
            hint="The number texts come from, in any format (stored as E.164). Empty clears it."
            error={fieldError(submission.error, 'senderNumber')}
          />
          <Field
            label="Shift-alert lead time (minutes)"
            name="shiftAlertLeadMinutes"
            type="number"
            min="0"
            required
            value={String(props.workspace.shiftAlertLeadMinutes)}
            hint="How long before a shift its SMS alert goes out."
            error={fieldError(submission.error, 'shiftAlertLeadMinutes')}
          />
          <SelectField
            label="Time zone"
            name="timeZone"
            value={props.workspace.timeZone}
            options={timeZoneNames().map((zone) => ({ value: zone, label: zone }))}
            hint="Weeks start on Monday here; people without a zone of their own get their texts in it."
            error={fieldError(submission.error, 'timeZone')}
          />
          <SelectField
            label="Language"
            name="language"
            value={props.workspace.language}
            options={LANGUAGE_OPTIONS}
            hint="The language of texts to employees who have none of their own."
          />
          <fieldset class="quiet-hours">
            <legend>Quiet hours</legend>
            <label class="checkbox">
              <input type="checkbox" name="quietHoursEnabled" checked={props.workspace.quietHoursEnabled} /> Hold texts that can wait (schedule published, time-off answers) through quiet hours
            </label>
            <Field label="Quiet from" name="quietHoursStart" type="time" required value={props.workspace.quietHoursStart} error={fieldError(submission.error, 'quietHoursStart')} />
            <Field
              label="Quiet until"
              name="quietHoursEnd"
              type="time"
              required
              value={props.workspace.quietHoursEnd}
              hint="In each recipient's own time zone. Reminders, booking confirmations, day-of updates, shift alerts and keyword replies always go at once."
              error={fieldError(submission.error, 'quietHoursEnd')}
            />
          </fieldset>
          <Show when={formError()}>{(error) => <ErrorNotice error={error()} />}</Show>
          <div class="actions">
            <Show when={saved()}>
              <span role="status">Saved.</span>
            </Show>
            <button type="submit" class="primary" disabled={submission.pending}>
              {submission.pending ? 'Saving…' : 'Save settings'}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
};

const AuditTrail: Component<{ workspace: WorkspaceSettings }> = (props) => {
  const trail = createKeysetList(() => props.workspace.auditTrail, loadAuditPage);
  const rows = trail.items;
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <DataTable
        labelledBy="audit-heading"
        columns={[
          { header: 'When', cell: (entry) => formatDateTime(entry.createdAt) },
          { header: 'Who', cell: (entry) => formatActor(entry.actorLabel) },
          { header: 'Setting', cell: (entry) => SETTING_LABEL[entry.setting] ?? humanize(entry.setting) },
          { header: 'Old value', cell: (entry) => formatSettingValue(entry.oldValue) },
          { header: 'New value', cell: (entry) => formatSettingValue(entry.newValue) },
        ]}
        rows={rows()}
        empty={<p class="empty">No settings have been changed yet.</p>}
      />
      <LoadMore list={trail} />
    </section>
  );
};

const WorkspacePage: Component = () => {
  const workspace = createAsync(() => getWorkspace());
  return (
    <Page title="Workspace">
      <Show when={workspace()}>
        {(current) => (
          <div class="workspace-page">
            <BreakerAlert workspace={current()} />
            <SmsPanel workspace={current()} />
            <DeliveryPanel workspace={current()} />
            <SettingsPanel workspace={current()} />
            <AbusePanel workspace={current()} />
            <AuditTrail workspace={current()} />
          </div>
        )}
      </Show>
    </Page>
  );
};

export default WorkspacePage;
