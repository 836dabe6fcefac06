import { A, createAsync } from '@solidjs/router';
import { For, Show, createSignal, type Component } from 'solid-js';
import { Field } from '../../components/field';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { choiceAsBoolean, type YesNoChoice } from '../../components/yes-no-choice';
import { formatDateTime } from '../../lib/format';
import { ConsentBadge } from './consent-badge';
import { fetchParticipants, getParticipants, type ParticipantFilter } from './participants.data';
import './participants.css';

const ParticipantsPage: Component = () => {
  const [search, setSearch] = createSignal('');
  const [consent, setConsent] = createSignal<YesNoChoice>('');
  const [phone, setPhone] = createSignal<YesNoChoice>('');
  const filter = (): ParticipantFilter => ({
    ...(search().trim() ? { search: search().trim() } : {}),
    ...(consent() ? { smsConsent: choiceAsBoolean(consent()) } : {}),
    ...(phone() ? { hasPhone: choiceAsBoolean(phone()) } : {}),
  });
  const firstPage = createAsync(() => getParticipants(filter()));
  const list = createKeysetList(firstPage, (after) => fetchParticipants(filter(), after));
  const filtered = () => Object.keys(filter()).length > 0;

  return (
    <Page title="Participants">
      <form class="filters" role="search" aria-label="Filter participants" onSubmit={(event) => event.preventDefault()}>
        <Field label="Search name or email" type="search" value={search()} onChange={(event) => setSearch(event.currentTarget.value)} />
        <div class="field">
          <label for="participants-consent">SMS consent</label>
          <select id="participants-consent" value={consent()} onChange={(event) => setConsent(event.currentTarget.value as YesNoChoice)}>
            <option value="">Any</option>
            <option value="yes">Consented</option>
            <option value="no">Not consented</option>
          </select>
        </div>
        <div class="field">
          <label for="participants-phone">Phone</label>
          <select id="participants-phone" value={phone()} onChange={(event) => setPhone(event.currentTarget.value as YesNoChoice)}>
            <option value="">Any</option>
            <option value="yes">Has a phone</option>
            <option value="no">No phone</option>
          </select>
        </div>
      </form>
      <Show
        when={list.items().length > 0}
        fallback={<p class="empty">{filtered() ? 'No participant matches these filters.' : 'No participants yet: they appear when someone signs up through an invite link.'}</p>}
      >
        <div class="table-wrap">
          <table aria-label="Participants">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
                <th scope="col">SMS consent</th>
                <th scope="col">Bookings</th>
                <th scope="col">First seen</th>
              </tr>
            </thead>
            <tbody>
              <For each={list.items()}>
                {(participant) => (
                  <tr>
                    <td>
                      <A href={`/participants/${participant.id}`}>{participant.name}</A>
                    </td>
                    <td>{participant.email}</td>
                    <td>{participant.phone ?? '—'}</td>
                    <td>
                      <ConsentBadge granted={participant.smsConsent} />
                    </td>
                    <td>{participant.bookings.length}</td>
                    <td>{formatDateTime(participant.createdAt)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <LoadMore list={list} />
    </Page>
  );
};

export default ParticipantsPage;
