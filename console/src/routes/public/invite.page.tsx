import { createAsync, useParams } from '@solidjs/router';
import { For, Show, createSignal, createUniqueId, onMount, type Component } from 'solid-js';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { LANGUAGE_OPTIONS, SelectField } from '../../components/select-field';
import { formatDateTime, formatDateTimeIn, viewerTimeZone } from '../../lib/format';
import { browserLanguage, getInvite, signUp, type Invite, type InviteSession, type SignUpResult } from './invite.data';
import { inviteWords, type InviteWords } from './invite.words';
import { PublicFrame } from './public-frame';
import { SignupChallengeWidget } from './signup-challenge';

const FORM_FIELDS = ['name', 'email', 'sessionId', 'phone', 'smsConsent'];

// T1: in the viewer's zone, and in the session's own zone when that is another.
const sessionLabel = (session: InviteSession, zone: string, t: InviteWords): string =>
  `${formatDateTime(session.startsAt, t.locale)}${zone !== viewerTimeZone() ? ` (${formatDateTimeIn(session.startsAt, zone, t.locale)}, ${zone})` : ''} · ${t.minutes(session.durationMinutes)}${session.location ? ` · ${session.location}` : ''}`;

const InvalidInvite: Component<{ language: string }> = (props) => {
  const t = () => inviteWords(props.language);
  return (
    <section class="public-card" aria-labelledby="invalid-title" lang={t().lang}>
      <h1 id="invalid-title">{t().invalidTitle}</h1>
      <p>{t().invalidBody}</p>
    </section>
  );
};

const Booked: Component<{ invite: Invite; result: SignUpResult }> = (props) => {
  const session = () => props.invite.sessions.find((s) => s.id === props.result.booking.sessionId);
  const t = () => inviteWords(props.invite.disclosure.language);
  return (
    <section class="public-card" aria-labelledby="booked-title" lang={t().lang}>
      <h1 id="booked-title">{t().bookedTitle}</h1>
      <dl class="facts">
        <dt>{t().study}</dt>
        <dd>{props.invite.studyName}</dd>
        <dt>{t().when}</dt>
        <dd>
          {session() ? formatDateTime(session()!.startsAt, t().locale) : '—'} ({viewerTimeZone()})
        </dd>
        <Show when={session()?.location}>
          <dt>{t().where}</dt>
          <dd>{session()!.location}</dd>
        </Show>
      </dl>
      <h2>{t().manageTitle}</h2>
      <p>{t().manageBody}</p>
      <p class="secret">
        <a href={props.result.manageUrl}>{props.result.manageUrl}</a>
      </p>
    </section>
  );
};

const SignUpForm: Component<{ token: string; invite: Invite; language: string; onLanguage: (language: string) => void; onBooked: (result: SignUpResult) => void }> = (props) => {
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [sessionId, setSessionId] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [consent, setConsent] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  // Same answers, same key: a double submit books once. Any change is a new request.
  const [idempotencyKey, setIdempotencyKey] = createSignal(crypto.randomUUID());
  const ids = { disclosure: createUniqueId(), consentError: createUniqueId(), sessionError: createUniqueId() };
  // A8: the proof of work starts solving as the page opens, so it is ready by the time the form is.
  let challenge: SignupChallengeWidget | null = null;
  const mountChallenge = (host: HTMLDivElement) => {
    onMount(() => {
      if (!props.invite.challengeRequired) return;
      challenge = new SignupChallengeWidget(host, props.token, inviteWords(props.invite.disclosure.language).challenge);
      challenge.renew();
    });
  };

  let form: HTMLFormElement | undefined;
  // S2: the server names every problem at once; focus goes to the first, so a keyboard or screen-reader user lands on it.
  const focusFirstProblem = (failure: unknown) => {
    const first = failure instanceof ApiError ? failure.problems[0]?.field : undefined;
    const control = first ? form?.elements.namedItem(first) : null;
    const target = control instanceof RadioNodeList ? (control[0] as HTMLElement | undefined) : (control as HTMLElement | null);
    target?.focus();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    setError(null);
    try {
      const solved = challenge ? await challenge.payload().catch(() => null) : null;
      props.onBooked(
        await signUp({
          inviteToken: props.token,
          name: name(),
          email: email(),
          sessionId: sessionId(),
          phone: phone(),
          smsConsent: consent(),
          // S3: the version of the text this page showed, so the record holds exactly it.
          disclosureVersion: props.invite.disclosure.version,
          language: props.invite.disclosure.language,
          timeZone: viewerTimeZone(),
          idempotencyKey: idempotencyKey(),
          challenge: solved,
        }),
      );
    } catch (failure) {
      setError(failure);
      focusFirstProblem(failure);
      // Each solution is accepted once: the next attempt needs a new one.
      challenge?.renew();
    } finally {
      setPending(false);
    }
  };
  const formError = () => {
    const failure = error();
    return failure && !(failure instanceof ApiError && FORM_FIELDS.includes(failure.field ?? '')) ? failure : null;
  };
  const problemCount = () => {
    const failure = error();
    return failure instanceof ApiError ? failure.problems.filter((problem) => FORM_FIELDS.includes(problem.field)).length : 0;
  };
  const consentError = () => fieldError(error(), 'smsConsent');
  const sessionError = () => fieldError(error(), 'sessionId');
  // The words follow the language the invite (and its disclosure) was loaded in.
  const t = () => inviteWords(props.invite.disclosure.language);

  return (
    <form ref={(el) => (form = el)} class="public-card" onSubmit={submit} onInput={() => setIdempotencyKey(crypto.randomUUID())} novalidate aria-labelledby="signup-title" lang={t().lang}>
      <h1 id="signup-title">{t().signUpFor(props.invite.studyName)}</h1>
      <SelectField
        label="Language for texts / Idioma de los mensajes"
        name="language"
        value={props.language}
        options={LANGUAGE_OPTIONS}
        hint={t().languageHint}
        onChange={(language) => props.onLanguage(language)}
      />
      <Show when={props.invite.sessions.length > 0} fallback={<p class="empty">{t().noSessions}</p>}>
        <Show when={problemCount() > 1}>
          <p class="form-problems" role="alert">
            {t().correctFields(problemCount())}
          </p>
        </Show>
        <Field label={t().name} name="name" type="text" autocomplete="name" required value={name()} onInput={(event) => setName(event.currentTarget.value)} error={fieldError(error(), 'name')} />
        <Field label={t().email} name="email" type="email" autocomplete="email" required value={email()} onInput={(event) => setEmail(event.currentTarget.value)} error={fieldError(error(), 'email')} />
        <fieldset class="public-sessions" aria-describedby={sessionError() ? ids.sessionError : undefined} aria-invalid={sessionError() ? 'true' : undefined}>
          <legend>
            {t().chooseTime(viewerTimeZone(), props.invite.timeZone)}
          </legend>
          <For each={props.invite.sessions}>
            {(session) => (
              <label class="public-session">
                <input type="radio" name="sessionId" value={session.id} checked={sessionId() === session.id} onChange={() => setSessionId(session.id)} />
                <span>{sessionLabel(session, props.invite.timeZone, t())}</span>
              </label>
            )}
          </For>
          <Show when={sessionError()}>
            <p class="field-error" id={ids.sessionError}>
              {sessionError()}
            </p>
          </Show>
        </fieldset>
        <Field
          label={props.invite.smsRequired ? t().mobile : t().mobileOptional}
          name="phone"
          type="tel"
          autocomplete="tel"
          inputmode="tel"
          required={props.invite.smsRequired}
          value={phone()}
          onInput={(event) => setPhone(event.currentTarget.value)}
          hint={props.invite.smsRequired ? t().mobileHint : t().mobileOptionalHint}
          error={fieldError(error(), 'phone')}
        />
        <div class="public-consent" classList={{ invalid: Boolean(consentError()) }}>
          <label class="checkbox">
            <input
              type="checkbox"
              name="smsConsent"
              checked={consent()}
              required={props.invite.smsRequired}
              aria-describedby={[ids.disclosure, consentError() ? ids.consentError : ''].filter(Boolean).join(' ')}
              aria-invalid={consentError() ? 'true' : undefined}
              onChange={(event) => setConsent(event.currentTarget.checked)}
            />
            {t().consent}
          </label>
          {/* S3: the exact disclosure text; its version is sent with the signup. */}
          <p class="disclosure" id={ids.disclosure} data-version={props.invite.disclosure.version}>
            {props.invite.disclosure.text}
          </p>
          <Show when={consentError()}>
            <p class="field-error" id={ids.consentError}>
              {consentError()}
            </p>
          </Show>
        </div>
        <div class="public-challenge" ref={mountChallenge} />
        <Show when={formError()}>
          <ErrorNotice error={formError()} />
        </Show>
        <button type="submit" class="primary" disabled={pending()}>
          {pending() ? t().booking : t().submit}
        </button>
      </Show>
    </form>
  );
};

const InvitePage: Component = () => {
  const params = useParams<{ token: string }>();
  // T2: the page follows the browser's language until the participant picks one.
  const [language, setLanguage] = createSignal(browserLanguage());
  const invite = createAsync(() => getInvite(params.token, language()));
  const [result, setResult] = createSignal<SignUpResult | null>(null);
  // The header sits outside the loading boundary, so it learns the name once loaded.
  const [heading, setHeading] = createSignal('Interview signup');
  return (
    <PublicFrame heading={heading()} notFound={<InvalidInvite language={language()} />}>
      <Show when={invite()}>
        {(loaded) => {
          setHeading(loaded().studyName);
          return (
            <Show when={result()} fallback={<SignUpForm token={params.token} invite={loaded()} language={language()} onLanguage={setLanguage} onBooked={setResult} />}>
              {(booked) => <Booked invite={loaded()} result={booked()} />}
            </Show>
          );
        }}
      </Show>
    </PublicFrame>
  );
};

export default InvitePage;
