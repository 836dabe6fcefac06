import { For, Index, type Component } from 'solid-js';
import type { CommsCounts, HourCounts } from './overview.data';

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

// Hours are labelled in the viewer's own time zone.
const hourLabel = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });
const hourLong = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });

const total = (hour: CommsCounts): number => SERIES.reduce((sum, series) => sum + hour[series.key], 0);

/** Stacked bars, one per hour; the table beside it carries the same numbers for screen readers. */
export const HourlyChart: Component<{ hours: HourCounts[] }> = (props) => {
  // An even top, so the middle gridline is a whole number.
  const max = () => {
    const most = Math.max(0, ...props.hours.map(total));
    return Math.max(2, most + (most % 2));
  };
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const band = () => (WIDTH - LEFT) / Math.max(1, props.hours.length);
  const y = (value: number) => TOP + plotHeight - (value / max()) * plotHeight;
  const summary = () => {
    const busiest = props.hours.reduce<HourCounts | null>((best, hour) => (!best || total(hour) > total(best) ? hour : best), null);
    const sum = props.hours.reduce((all, hour) => all + total(hour), 0);
    return busiest && sum
      ? `${sum} messages over ${props.hours.length} hours; the busiest hour was ${hourLong.format(new Date(busiest.hourStart))} with ${total(busiest)}.`
      : `No messages in the last ${props.hours.length} hours.`;
  };
  return (
    <figure class="hourly-chart">
      <div class="chart-scroll">
        <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Messages by hour, stacked by status. ${summary()}`}>
          <For each={[0, 0.5, 1]}>
            {(fraction) => (
              <g>
                <line x1={LEFT} x2={WIDTH} y1={y(max() * fraction)} y2={y(max() * fraction)} stroke="#d9dee5" />
                <text x={LEFT - 6} y={y(max() * fraction) + 4} text-anchor="end" font-size="11" fill="#5b6675">
                  {Math.round(max() * fraction)}
                </text>
              </g>
            )}
          </For>
          <Index each={props.hours}>
            {(hour, index) => {
              const x = () => LEFT + index * band() + band() * 0.15;
              const stack = () => {
                let base = 0;
                return SERIES.map((series) => {
                  const value = hour()[series.key];
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
                        <title>{`${hourLong.format(new Date(hour().hourStart))}: ${segment.to - segment.from} ${segment.series.label.toLowerCase()}`}</title>
                      </rect>
                    )}
                  </For>
                  {index % 3 === 0 && (
                    <text x={x() + band() * 0.35} y={HEIGHT - 8} text-anchor="middle" font-size="11" fill="#5b6675">
                      {hourLabel.format(new Date(hour().hourStart))}
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
          <table aria-label="Messages by hour">
            <thead>
              <tr>
                <th scope="col">Hour</th>
                <For each={SERIES}>{(series) => <th scope="col">{series.label}</th>}</For>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.hours}>
                {(hour) => (
                  <tr>
                    <th scope="row">{hourLong.format(new Date(hour.hourStart))}</th>
                    <For each={SERIES}>{(series) => <td>{hour[series.key]}</td>}</For>
                    <td>{total(hour)}</td>
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
