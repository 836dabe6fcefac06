import { For, Index, type Component } from 'solid-js';
import type { BinCounts, CommsCounts } from './overview.data';

type Series = keyof CommsCounts;

/** Stacking order, bottom up, with the label and colour of each status. */
export const SERIES: { key: Series; label: string; color: string }[] = [
  { key: 'delivered', label: 'Delivered', color: '#1d7a46' },
  { key: 'sent', label: 'Sent', color: '#35598f' },
  { key: 'queued', label: 'Queued', color: '#8a94a3' },
  { key: 'failed', label: 'Failed', color: '#b42318' },
  { key: 'skipped', label: 'Skipped', color: '#d19a00' },
];

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 36;
const BOTTOM = 26;
const TOP = 8;

// Bins are labelled in the viewer's own time zone: by the hour for hourly bins, to the minute for finer ones.
const hourLabel = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });
const minuteLabel = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const binLong = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });

/** "hour", "minute" or "5 minutes": what one bar stands for. */
export const binName = (binMinutes: number): string => (binMinutes === 60 ? 'hour' : binMinutes === 1 ? 'minute' : `${binMinutes} minutes`);

// About a dozen labels whatever the number of bars; a week of hours is labelled by day.
const labelEvery = (count: number): number => Math.max(1, Math.ceil(count / 12));
function shortLabel(start: Date, binMinutes: number, count: number): string {
  if (binMinutes < 60) return minuteLabel.format(start);
  return count > 48 ? dayLabel.format(start) : hourLabel.format(start);
}

const total = (counts: CommsCounts): number => SERIES.reduce((sum, series) => sum + counts[series.key], 0);

/** Stacked bars, one per bin; the table beside it carries the same numbers for screen readers. */
export const OverviewChart: Component<{ bins: BinCounts[]; binMinutes: number; windowLabel: string }> = (props) => {
  // An even top, so the middle gridline is a whole number.
  const max = () => {
    const most = Math.max(0, ...props.bins.map(total));
    return Math.max(2, most + (most % 2));
  };
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const band = () => (WIDTH - LEFT) / Math.max(1, props.bins.length);
  const y = (value: number) => TOP + plotHeight - (value / max()) * plotHeight;
  const summary = () => {
    const busiest = props.bins.reduce<BinCounts | null>((best, bin) => (!best || total(bin) > total(best) ? bin : best), null);
    const sum = props.bins.reduce((all, bin) => all + total(bin), 0);
    const unit = binName(props.binMinutes);
    return busiest && sum
      ? `${sum} messages in the ${props.windowLabel}; the busiest ${unit} was ${binLong.format(new Date(busiest.start))} with ${total(busiest)}.`
      : `No messages in the ${props.windowLabel}.`;
  };
  return (
    <figure class="hourly-chart">
      <div class="chart-scroll">
        <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Messages by ${binName(props.binMinutes)}, stacked by status. ${summary()}`}>
          <For each={[0, 0.5, 1]}>
            {(fraction) => (
              <g>
                <line x1={LEFT} x2={WIDTH} y1={y(max() * fraction)} y2={y(max() * fraction)} style={{ stroke: 'var(--line)' }} />
                <text x={LEFT - 6} y={y(max() * fraction) + 4} text-anchor="end" font-size="11" style={{ fill: 'var(--muted)' }}>
                  {Math.round(max() * fraction)}
                </text>
              </g>
            )}
          </For>
          <Index each={props.bins}>
            {(bin, index) => {
              const x = () => LEFT + index * band() + band() * 0.15;
              const stack = () => {
                let base = 0;
                return SERIES.map((series) => {
                  const value = bin()[series.key];
                  const segment = { series, from: base, to: base + value };
                  base += value;
                  return segment;
                }).filter((segment) => segment.to > segment.from);
              };
              return (
                <g>
                  <For each={stack()}>
                    {(segment) => (
                      <rect x={x()} width={band() * 0.7} y={y(segment.to)} height={y(segment.from) - y(segment.to)} fill={segment.series.color}>
                        <title>{`${binLong.format(new Date(bin().start))}: ${segment.to - segment.from} ${segment.series.label.toLowerCase()}`}</title>
                      </rect>
                    )}
                  </For>
                  {index % labelEvery(props.bins.length) === 0 && (
                    <text x={x() + band() * 0.35} y={HEIGHT - 8} text-anchor="middle" font-size="11" style={{ fill: 'var(--muted)' }}>
                      {shortLabel(new Date(bin().start), props.binMinutes, props.bins.length)}
                    </text>
                  )}
                </g>
              );
            }}
          </Index>
        </svg>
      </div>
      <figcaption class="chart-legend">
        <For each={SERIES}>
          {(series) => (
            <span class="legend-item">
              <span class="legend-swatch" style={{ background: series.color }} aria-hidden="true" />
              {series.label}
            </span>
          )}
        </For>
      </figcaption>
      <details class="chart-table">
        <summary>Show the numbers as a table</summary>
        <div class="table-wrap">
          <table aria-label={`Messages by ${binName(props.binMinutes)}`}>
            <thead>
              <tr>
                <th scope="col">{props.binMinutes === 60 ? 'Hour' : 'From'}</th>
                <For each={SERIES}>{(series) => <th scope="col">{series.label}</th>}</For>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.bins}>
                {(bin) => (
                  <tr>
                    <th scope="row">{binLong.format(new Date(bin.start))}</th>
                    <For each={SERIES}>{(series) => <td>{bin[series.key]}</td>}</For>
                    <td>{total(bin)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
};
