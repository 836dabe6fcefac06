import { A, createAsync, revalidate, useSearchParams } from '@solidjs/router';
import { For, Show, type Component } from 'solid-js';
import { Page } from '../../components/page';
import { SKIP_REASON_HELP } from '../../components/skip-reasons';
import { formatDateTime, humanize } from '../../lib/format';
import { OverviewChart, binName } from './overview-chart';
import { OVERVIEW_RANGES, getOverview, overviewRange, type CommsCounts } from './overview.data';
import './overview.css';

const CARDS: { key: keyof CommsCounts; label: string; status: string; help: string }[] = [
  { key: 'sent', label: 'Sent', status: 'SENT', help: 'Accepted by the provider, still waiting for the handset’s delivery receipt.' },
  { key: 'delivered', label: 'Delivered', status: 'DELIVERED', help: 'The carrier confirmed the text reached the handset.' },
  { key: 'failed', label: 'Failed', status: 'FAILED', help: 'The provider or carrier could not deliver it; the entry has the error code.' },
  { key: 'skipped', label: 'Skipped', status: 'SKIPPED', help: 'Held back on purpose by the send policy, with a reason (see below). Not an error.' },
];

const OverviewPage: Component = () => {
  // The range lives in the address, so a link can open the last hour by minute.
  const [params, setParams] = useSearchParams<{ range?: string }>();
  const range = () => overviewRange(params.range);
  const overview = createAsync(() => getOverview(range().id));
  return (
    <Page
      title="Overview"
      actions={
        <div class="actions overview-actions">
          <div class="field">
            <label for="overview-range">Range</label>
            <select id="overview-range" value={range().id} onChange={(event) => setParams({ range: event.currentTarget.value })}>
              <For each={OVERVIEW_RANGES}>{(option) => <option value={option.id}>{`${option.label}, ${option.by}`}</option>}</For>
            </select>
          </div>
          <button type="button" onClick={() => void revalidate(getOverview.key)}>
            Refresh
          </button>
        </div>
      }
    >
      <Show when={overview()}>
        {(data) => (
          <div class="overview-page">
            <p class="hint overview-intro">
              Outbound texts logged in the {range().window} ({formatDateTime(data().from)} to {formatDateTime(data().to)}),
              counted once each by their current status.
              <Show when={data().totals.queued}> {data().totals.queued} more are queued, waiting for their moment.</Show>
            </p>
            <ul class="cards overview-cards" aria-label={range().label}>
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
            <section class="panel" aria-labelledby="by-bin-heading">
              <h2 id="by-bin-heading">By {binName(data().binMinutes)}</h2>
              <OverviewChart bins={data().bins} binMinutes={data().binMinutes} windowLabel={range().window} />
            </section>
            <section class="panel" aria-labelledby="skip-reasons-heading">
              <h2 id="skip-reasons-heading">Top skip reasons</h2>
              <Show when={data().topSkipReasons.length} fallback={<p class="empty">Nothing was skipped in the {range().window}.</p>}>
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
