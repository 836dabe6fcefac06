import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show, createSignal, type Component } from 'solid-js';
import { Page } from '../../components/page';
import { InviteLink } from './invite-link';
import { NewSessionForm } from './new-session-form';
import { SessionCard } from './session-card';
import { SessionDialogs, type SessionDialog } from './session-dialogs';
import { getStudy, type StudyDetail } from './study.data';
import { StudyReminders } from './study-reminders';
import './studies.css';

const StudyView: Component<{ study: StudyDetail }> = (props) => {
  const [dialog, setDialog] = createSignal<SessionDialog>(null);
  const [done, setDone] = createSignal<string | null>(null);
  return (
    <>
      <StudyReminders study={props.study} />
      <InviteLink url={props.study.inviteUrl} />
      <NewSessionForm studyId={props.study.id} />
      <h2>Sessions</h2>
      <Show when={done()}>
        <p class="notice" role="status">
          {done()}
        </p>
      </Show>
      <Show when={props.study.sessions.length > 0} fallback={<p class="empty">No sessions yet. Add one above, then share the invite link.</p>}>
        <ul class="study-sessions">
          <For each={props.study.sessions}>{(session) => <SessionCard session={session} onChange={setDialog} />}</For>
        </ul>
      </Show>
      <SessionDialogs dialog={dialog()} onClose={() => setDialog(null)} onDone={setDone} />
    </>
  );
};

const StudyPage: Component = () => {
  const params = useParams<{ id: string }>();
  const study = createAsync(() => getStudy(params.id));
  return (
    <Page title={study()?.name ?? 'Study'} actions={<A href="/studies">All studies</A>}>
      <Show when={study()}>{(loaded) => <StudyView study={loaded()} />}</Show>
    </Page>
  );
};

export default StudyPage;
