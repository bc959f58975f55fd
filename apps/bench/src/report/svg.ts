/**
 * A horizontal bar chart of speed-ups on a log scale, written as plain SVG:
 * one bar per case and engine, starting at the 1× line (bars to the left
 * mean slower), grouped by workload group.
 */

export interface ChartBar {
  readonly series: string;
  readonly ratio: number;
}

export interface ChartRow {
  readonly label: string;
  readonly group: string;
  readonly bars: readonly ChartBar[];
}

export interface ChartOptions {
  readonly title: string;
  readonly axisLabel: string;
  /** Series names, in legend and bar order. */
  readonly series: readonly string[];
  /** Text after a group's heading (e.g. its geometric mean). */
  readonly groupNotes?: ReadonlyMap<string, string>;
}

const COLOURS = ['#2b6cb0', '#dd6b20', '#38a169', '#805ad5', '#d53f8c'];
const WIDTH = 980;
const LABEL_WIDTH = 330;
const PLOT_LEFT = LABEL_WIDTH + 10;
const PLOT_RIGHT = WIDTH - 70;
const BAR_HEIGHT = 11;
const ROW_GAP = 5;
const GROUP_GAP = 26;
const TOP = 64;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function formatTick(value: number): string {
  return value >= 1 ? `${value.toLocaleString('en-US')}×` : `${value}×`;
}

function formatValue(ratio: number): string {
  if (ratio >= 100) return `${Math.round(ratio)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  return `${ratio.toFixed(2)}×`;
}

export function speedupChart(rows: readonly ChartRow[], options: ChartOptions): string {
  const ratios = rows.flatMap((row) => row.bars.map((bar) => bar.ratio)).filter((ratio) => ratio > 0);
  const minDecade = Math.floor(Math.log10(Math.min(1, ...ratios)));
  const maxDecade = Math.max(minDecade + 1, Math.ceil(Math.log10(Math.max(1, ...ratios))));
  const x = (ratio: number) =>
    PLOT_LEFT + ((Math.log10(ratio) - minDecade) / (maxDecade - minDecade)) * (PLOT_RIGHT - PLOT_LEFT);

  const body: string[] = [];
  let y = TOP;
  let group: string | undefined;
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      y += GROUP_GAP - 8;
      const note = options.groupNotes?.get(group);
      body.push(
        `<text x="8" y="${y}"><tspan class="group">${escapeXml(group)}</tspan>${
          note === undefined ? '' : `<tspan class="note" dx="10">${escapeXml(note)}</tspan>`
        }</text>`,
      );
      y += 8;
    }
    const rowHeight = row.bars.length * BAR_HEIGHT;
    body.push(
      `<text x="${LABEL_WIDTH}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${escapeXml(row.label)}</text>`,
    );
    row.bars.forEach((bar, i) => {
      const colour = COLOURS[Math.max(0, options.series.indexOf(bar.series)) % COLOURS.length];
      const from = x(1);
      const to = x(bar.ratio);
      const left = Math.min(from, to);
      const width = Math.max(1, Math.abs(to - from));
      const top = y + i * BAR_HEIGHT;
      body.push(
        `<rect x="${left.toFixed(1)}" y="${top + 1}" width="${width.toFixed(1)}" height="${BAR_HEIGHT - 2}" fill="${colour}"><title>${escapeXml(
          `${row.label} — ${bar.series}: ${formatValue(bar.ratio)}`,
        )}</title></rect>`,
      );
      const textX = bar.ratio >= 1 ? to + 4 : to - 4;
      body.push(
        `<text x="${textX.toFixed(1)}" y="${top + BAR_HEIGHT - 2}" class="value" text-anchor="${bar.ratio >= 1 ? 'start' : 'end'}">${formatValue(bar.ratio)}</text>`,
      );
    });
    y += rowHeight + ROW_GAP;
  }
  const height = y + 20;

  const axis: string[] = [];
  for (let decade = minDecade; decade <= maxDecade; decade++) {
    const value = 10 ** decade;
    const tickX = x(value).toFixed(1);
    axis.push(
      `<line x1="${tickX}" y1="${TOP}" x2="${tickX}" y2="${height - 20}" class="${value === 1 ? 'one' : 'grid'}"/>`,
    );
    axis.push(
      `<text x="${tickX}" y="${TOP - 6}" text-anchor="middle" class="tick">${formatTick(value)}</text>`,
    );
    if (decade < maxDecade) {
      for (const minor of [2, 5]) {
        const minorX = x(value * minor).toFixed(1);
        axis.push(`<line x1="${minorX}" y1="${TOP}" x2="${minorX}" y2="${height - 20}" class="minor"/>`);
      }
    }
  }

  const legend = options.series.map((series, i) => {
    const legendX = PLOT_LEFT + i * 200;
    return `<rect x="${legendX}" y="30" width="12" height="10" fill="${COLOURS[i % COLOURS.length]}"/><text x="${legendX + 18}" y="39">${escapeXml(series)}</text>`;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">`,
    `<title>${escapeXml(options.title)}</title>`,
    '<style>.group{font-weight:bold;font-size:12px}.tick{fill:#555}.note{fill:#555;font-size:11px}.value{font-size:9px;fill:#333}.grid{stroke:#ccc}.minor{stroke:#eee}.one{stroke:#000;stroke-width:1.2}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="8" y="18" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
    `<text x="${PLOT_RIGHT}" y="18" text-anchor="end" class="tick">${escapeXml(options.axisLabel)}</text>`,
    ...legend,
    ...axis,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
