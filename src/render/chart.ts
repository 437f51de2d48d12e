/**
 * Charts of a plan's indicators for HTML (and so for the PDF printed from it): an inline SVG per
 * indicator with two or more measurements, showing the baseline, the measurements, the target and
 * the target period, with a text alternative (role="img", <title> and <desc>) and the values table
 * beside it. Scales and paths come from d3-scale and d3-shape, loaded only when a page has a chart.
 * Colours are SVG presentation attributes, which the pages' Content-Security-Policy allows (inline
 * style attributes it does not); each series also differs in shape and dash, so none relies on colour.
 */
import type { Lang } from '../i18n/index.js';
import type { ChartView, SeriesPoint } from './plan-view.js';

const WIDTH = 560;
const HEIGHT = 250;
const MARGIN = { top: 30, right: 28, bottom: 34, left: 52 };
const INK = '#1b1b1b';
const GRID = '#d0d0d0';
const MEASURED = '#1f4e79';
const TARGET = '#8a4b00';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();

/** The chart and its values table as one <figure>; `n` makes its ids unique on the page. */
async function chartFigure(chart: ChartView, n: number, lang: Lang): Promise<string> {
  const [{ scaleLinear, scalePoint, scaleUtc }, { line }] = await Promise.all([import('d3-scale'), import('d3-shape')]);
  const points = chart.points;
  const numberFormat = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });

  // A time axis when every period can be placed in time, so that gaps between periods show;
  // otherwise the periods side by side in the order written.
  const dated = points.every((p) => p.period_end !== null);
  const periods = [...new Map(points.map((p) => [p.period, p])).values()];
  let x: (p: SeriesPoint) => number;
  if (dated) {
    const times = points.map((p) => Date.parse(`${p.period_end}T00:00:00Z`));
    const min = Math.min(...times);
    const max = Math.max(...times);
    const time = scaleUtc()
      .domain([new Date(min), new Date(max === min ? min + 86_400_000 : max)])
      .range([MARGIN.left + 16, WIDTH - MARGIN.right - 16]);
    x = (p) => time(new Date(`${p.period_end}T00:00:00Z`));
  } else {
    const band = scalePoint<string>()
      .domain(periods.map((p) => p.period))
      .range([MARGIN.left + 16, WIDTH - MARGIN.right - 16]);
    x = (p) => band(p.period) ?? MARGIN.left;
  }
  const values = points.map((p) => p.value);
  // Counts and shares start at zero, so a small change does not look like a large one.
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(...values, 1)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);

  const id = `indicator-chart-${n}`;
  const parts: string[] = [];
  for (const tick of y.ticks(5)) {
    const ty = f(y(tick));
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="${GRID}" stroke-width="1"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${ty}" dy="0.32em" text-anchor="end" font-size="11" fill="${INK}">${escapeHtml(numberFormat.format(tick))}</text>`);
  }
  for (const p of periods) {
    parts.push(`<text x="${f(x(p))}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle" font-size="11" fill="${INK}">${escapeHtml(p.period)}</text>`);
  }
  const path = line<SeriesPoint>()
    .x((p) => x(p))
    .y((p) => y(p.value));
  const measured = points.filter((p) => p.kind !== 'target');
  const target = points.find((p) => p.kind === 'target');
  // The way to the target: dashed, from the value it is reached from (the baseline, else the first measurement).
  const from = measured[0];
  if (target && from) {
    parts.push(`<path d="${path([from, target])}" fill="none" stroke="${TARGET}" stroke-width="2" stroke-dasharray="6 4"/>`);
  }
  parts.push(`<path d="${path(measured)}" fill="none" stroke="${MEASURED}" stroke-width="2.5"/>`);
  for (const p of measured) {
    const px = f(x(p));
    const py = f(y(p.value));
    parts.push(
      p.kind === 'baseline'
        ? `<rect x="${f(x(p) - 5)}" y="${f(y(p.value) - 5)}" width="10" height="10" fill="#ffffff" stroke="${MEASURED}" stroke-width="2"/>`
        : `<circle cx="${px}" cy="${py}" r="4.5" fill="${MEASURED}"/>`,
    );
  }
  if (target) {
    const tx = x(target);
    const ty = y(target.value);
    parts.push(`<path d="M${f(tx)},${f(ty - 7)}L${f(tx + 7)},${f(ty)}L${f(tx)},${f(ty + 7)}L${f(tx - 7)},${f(ty)}Z" fill="${TARGET}"/>`);
  }
  // A legend in words and shapes: the baseline a square, measurements dots, the target a diamond.
  const labelOf = (kind: SeriesPoint['kind']) => points.find((p) => p.kind === kind)?.kind_label;
  const legend: string[] = [];
  let lx = MARGIN.left;
  const item = (shape: string, label: string) => {
    legend.push(shape.replace(/X/g, String(lx)), `<text x="${lx + 14}" y="14" dy="0.32em" font-size="11" fill="${INK}">${escapeHtml(label)}</text>`);
    lx += 14 + label.length * 6.5 + 18;
  };
  if (labelOf('baseline')) item(`<rect x="X" y="9" width="10" height="10" fill="#ffffff" stroke="${MEASURED}" stroke-width="2"/>`, labelOf('baseline')!);
  item(`<circle cx="X" cy="14" r="4.5" fill="${MEASURED}" transform="translate(5 0)"/>`, labelOf('measurement')!);
  // The target's period goes with its legend entry ("Målvärde 2010"), where no line can cross it.
  if (labelOf('target')) item(`<path d="M0,-6L6,0L0,6L-6,0Z" fill="${TARGET}" transform="translate(X 14) translate(5 0)"/>`, chart.target_label ?? labelOf('target')!);

  const svg =
    `<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(chart.desc)}</desc>` +
    `${legend.join('')}${parts.join('')}</svg>`;
  const [period, kind, value] = chart.columns.map(escapeHtml);
  const rows = points
    .map((p) => `<tr><td>${escapeHtml(p.period)}</td><td>${escapeHtml(p.kind_label)}</td><td class="num">${escapeHtml(p.value_text)}</td></tr>`)
    .join('');
  const table =
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(chart.caption)}">` +
    `<table><thead><tr><th scope="col">${period}</th><th scope="col">${kind}</th><th scope="col">${value}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return `<figure class="indicator-chart"><figcaption>${escapeHtml(chart.caption)}</figcaption><div class="indicator-chart-body">${svg}${table}</div></figure>`;
}

/**
 * Puts each chart where the plan's template left its key, alone in a paragraph. Keys are made
 * per render and cannot occur in a plan's text; a template without them simply has no charts.
 */
export async function insertCharts(html: string, charts: readonly ChartView[], lang: Lang): Promise<string> {
  let out = html;
  let n = 0;
  for (const chart of charts) {
    const marker = `<p>${chart.key}</p>`;
    if (!out.includes(marker)) continue;
    const figure = await chartFigure(chart, ++n, lang);
    // A function, so that "$&" in a plan's text is not read as a replacement pattern.
    out = out.replace(marker, () => figure);
  }
  return out;
}
