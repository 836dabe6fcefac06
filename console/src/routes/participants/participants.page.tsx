import { A, createAsync } from '@solidjs/router';
import { createSignal, type Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { FilterBar, FilterChoice } from '../../components/filter-bar';
import { createKeysetList } from '../../components/keyset-list';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { choiceAsBoolean, yesNo, type YesNoChoice } from '../../components/yes-no-choice';
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
      <FilterBar label="Filter participants">
        <Field label="Search name or email" type="search" value={search()} onChange={(event) => setSearch(event.currentTarget.value)} />
        <FilterChoice id="participants-consent" label="SMS consent" value={consent()} options={yesNo('Consented', 'Not consented')} onChange={(value) => setConsent(value as YesNoChoice)} />
        <FilterChoice id="participants-phone" label="Phone" value={phone()} options={yesNo('Has a phone', 'No phone')} onChange={(value) => setPhone(value as YesNoChoice)} />
      </FilterBar>
      <DataTable
        label="Participants"
        columns={[
          { header: 'Name', cell: (participant) => <A href={`/participants/${participant.id}`}>{participant.name}</A> },
          { header: 'Email', cell: (participant) => participant.email },
          { header: 'Phone', cell: (participant) => participant.phone ?? '—' },
          { header: 'SMS consent', cell: (participant) => <ConsentBadge granted={participant.smsConsent} /> },
          { header: 'Bookings', cell: (participant) => participant.bookings.length },
          { header: 'First seen', cell: (participant) => formatDateTime(participant.createdAt) },
        ]}
        rows={list.items()}
        empty={<p class="empty">{filtered() ? 'No participant matches these filters.' : 'No participants yet: they appear when someone signs up through an invite link.'}</p>}
      />
      <LoadMore list={list} />
    </Page>
  );
};

export default ParticipantsPage;
