import { A, createAsync, revalidate } from '@solidjs/router';
import { For, Show, type Component } from 'solid-js';
import { Page } from '../../components/page';
import { SKIP_REASON_HELP } from '../../components/skip-reasons';
import { formatDateTime, humanize } from '../../lib/format';
import { HourlyChart } from './hourly-chart';
import { OVERVIEW_HOURS, getOverview, type CommsCounts } from './overview.data';
import './overview.css';

const CARDS: { key: keyof CommsCounts; label: string; status: string; help: string }[] = [
  { key: 'sent', label: 'Sent', status: 'SENT', help: 'Accepted by the provider, still waiting for the handset’s delivery receipt.' },
  { key: 'delivered', label: 'Delivered', status: 'DELIVERED', help: 'The carrier confirmed the text reached the handset.' },
  { key: 'failed', label: 'Failed', status: 'FAILED', help: 'The provider or carrier could not deliver it; the entry has the error code.' },
  { key: 'skipped', label: 'Skipped', status: 'SKIPPED', help: 'Held back on purpose by the send policy, with a reason (see below). Not an error.' },
];

const OverviewPage: Component = () => {
  const overview = createAsync(() => getOverview());
  return (
    <Page
      title="Overview"
      actions={
        <button type="button" onClick={() => void revalidate(getOverview.key)}>
          Refresh
        </button>
      }
    >
      <Show when={overview()}>
        {(data) => (
          <div class="overview-page">
            <p class="hint overview-intro">
              Outbound texts logged in the last {OVERVIEW_HOURS} hours ({formatDateTime(data().from)} to {formatDateTime(data().to)}),
              counted once each by their current status.
              <Show when={data().totals.queued}> {data().totals.queued} more are queued, waiting for their moment.</Show>
            </p>
            <ul class="cards overview-cards" aria-label={`Last ${OVERVIEW_HOURS} hours`}>
              <For each={CARDS}>
                {(card) => (
                  <li class={`card overview-card overview-${card.key}`}>
                    <A
                      href={`/live?status=${card.status}`}
                      class="overview-count"
                      aria-label={`${data().totals[card.key]} ${card.label.toLowerCase()}: show in the live feed`}
                    >
                      {/* The space keeps the visible text ("3 Skipped") inside the accessible name. */}
                      <span class="value">{data().totals[card.key]}</span> <span class="label">{card.label}</span>
                    </A>
                    <p class="hint">{card.help}</p>
                  </li>
                )}
              </For>
            </ul>
            <section class="panel" aria-labelledby="by-hour-heading">
              <h2 id="by-hour-heading">By hour</h2>
              <HourlyChart hours={data().byHour} />
            </section>
            <section class="panel" aria-labelledby="skip-reasons-heading">
              <h2 id="skip-reasons-heading">Top skip reasons</h2>
              <Show when={data().topSkipReasons.length} fallback={<p class="empty">Nothing was skipped in the last {OVERVIEW_HOURS} hours.</p>}>
                <ol class="skip-reasons" aria-labelledby="skip-reasons-heading">
                  <For each={data().topSkipReasons}>
                    {(item) => (
                      <li>
                        <A href={`/live?status=SKIPPED&reason=${item.reason}`}>
                          <strong>{humanize(item.reason)}</strong>: {item.count}
                        </A>
                        <p class="hint">{SKIP_REASON_HELP[item.reason] ?? ''}</p>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            </section>
          </div>
        )}
      </Show>
    </Page>
  );
};

export default OverviewPage;
