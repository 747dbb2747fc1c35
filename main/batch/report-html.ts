// The report as one self-contained HTML page: inline CSS and SVG charts drawn here, no script,
// no external URL, so it opens offline anywhere and can be mailed as one file.
import { settingsText } from '../../preload/defaults.ts';
import { escapeHtml, htmlPage, ms, number, percent } from './html.ts';
import type { BatchReport, Summary } from './report.ts';

interface Bar {
  label: string;
  value: number;
  /** Shown above the bar; the value when left out. */
  note?: string;
}

const CHART = { width: 520, height: 220, left: 40, bottom: 36, top: 18 };

/** Vertical bars with a light grid: the steps and latency distributions. */
function columnChart(title: string, bars: readonly Bar[], axis: string): string {
  const { width, height, left, bottom, top } = CHART;
  const plotH = height - bottom - top;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (width - left - 8) / Math.max(1, bars.length);
  const barW = Math.max(2, Math.min(48, slot * 0.72));
  const grid = [0, 0.5, 1].map((f) => {
    const y = top + plotH * (1 - f);
    return `<line x1="${left}" x2="${width - 4}" y1="${y}" y2="${y}" class="grid"/><text x="${left - 6}" y="${y + 4}" class="tick" text-anchor="end">${Math.round(max * f)}</text>`;
  });
  const labelEvery = Math.ceil(bars.length / 16);
  const shapes = bars.map((bar, i) => {
    const h = (bar.value / max) * plotH;
    const x = left + i * slot + (slot - barW) / 2;
    const y = top + plotH - h;
    const label =
      i % labelEvery === 0
        ? `<text x="${x + barW / 2}" y="${height - bottom + 16}" class="tick" text-anchor="middle">${escapeHtml(bar.label)}</text>`
        : '';
    const note =
      bars.length <= 16 && bar.value > 0
        ? `<text x="${x + barW / 2}" y="${y - 4}" class="note" text-anchor="middle">${escapeHtml(bar.note ?? String(bar.value))}</text>`
        : '';
    return `<rect x="${x}" y="${y}" width="${barW}" height="${Math.max(h, 0)}" rx="2" class="bar"><title>${escapeHtml(`${bar.label}: ${bar.note ?? bar.value}`)}</title></rect>${label}${note}`;
  });
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">${grid.join('')}${shapes.join('')}<text x="${(width + left) / 2}" y="${height - 4}" class="axis" text-anchor="middle">${escapeHtml(axis)}</text></svg></figure>`;
}

/** Horizontal bars of rates 0..1, solved and exact side by side: accuracy by difficulty. */
function rateChart(title: string, rows: readonly { label: string; summary: Summary }[]): string {
  if (rows.length === 0) return '';
  const width = 520;
  const rowH = 46;
  const left = 120;
  const height = rows.length * rowH + 34;
  const plotW = width - left - 60;
  const shapes = rows.map(({ label, summary }, i) => {
    const y = 10 + i * rowH;
    const bar = (value: number | null, dy: number, cls: string) =>
      `<rect x="${left}" y="${y + dy}" width="${plotW}" height="14" rx="3" class="track"/>` +
      (value === null
        ? ''
        : `<rect x="${left}" y="${y + dy}" width="${plotW * value}" height="14" rx="3" class="${cls}"/>`) +
      `<text x="${left + plotW + 6}" y="${y + dy + 11}" class="note">${percent(value)}</text>`;
    return (
      `<text x="${left - 8}" y="${y + 13}" class="tick" text-anchor="end">${escapeHtml(label)}</text>` +
      `<text x="${left - 8}" y="${y + 29}" class="axis" text-anchor="end">${summary.puzzles} puzzles</text>` +
      bar(summary.solvedRate, 0, 'bar') +
      bar(summary.exactRate, 18, 'bar exact')
    );
  });
  const legend = `<g transform="translate(${left},${height - 14})"><rect width="10" height="10" class="bar"/><text x="14" y="9" class="axis">solved (valid)</text><rect x="110" width="10" height="10" class="bar exact"/><text x="124" y="9" class="axis">exact match</text></g>`;
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">${shapes.join('')}${legend}</svg></figure>`;
}

/** Latencies in ten equal-width bins from the fastest to the slowest. */
function latencyChart(times: readonly number[]): string {
  if (times.length === 0) return '';
  const low = Math.min(...times);
  const high = Math.max(...times);
  const bins = 10;
  const width = (high - low) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const t of times) counts[Math.min(bins - 1, Math.floor((t - low) / width))]!++;
  // Bin centres in whole milliseconds (seconds past 10 s): short enough for ten labels side by side.
  const seconds = high >= 10_000;
  const centre = (i: number) => (low + width * (i + 0.5)) / (seconds ? 1000 : 1);
  const bars = counts.map((count, i) => ({ label: String(Math.round(centre(i))), value: count }));
  return columnChart('Latency', bars, `${seconds ? 'seconds' : 'milliseconds'} per puzzle, in a batch`);
}

function card(label: string, value: string, detail = ''): string {
  return `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div><div class="detail">${escapeHtml(detail)}</div></div>`;
}

const meter = (value: number | null): string =>
  `<span class="meter"><span style="width:${((value ?? 0) * 100).toFixed(1)}%"></span></span>${percent(value)}`;

function fileRows(report: BatchReport): string {
  return report.files
    .map(
      ({ path, summary: s }) =>
        `<tr><td class="path">${escapeHtml(path)}</td><td>${s.puzzles}</td><td>${meter(s.solvedRate)}</td><td>${percent(s.exactRate)}</td><td>${percent(s.cellAccuracy)}</td><td>${number(s.meanSteps)}</td><td>${ms(s.p50Ms)}</td><td>${ms(s.p95Ms)}</td><td>${s.failed}</td></tr>`,
    )
    .join('');
}

function listSection(title: string, rows: readonly string[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 500);
  const more = rows.length > shown.length ? `<li class="more">and ${rows.length - shown.length} more</li>` : '';
  return `<details><summary>${escapeHtml(title)} (${rows.length})</summary><ul>${shown.join('')}${more}</ul></details>`;
}

export function renderReportHtml(report: BatchReport): string {
  const { run, summary: s } = report;
  const title = `${run.model} on ${run.folder}`;
  const steps = report.steps.map((row) => ({ label: String(row.steps), value: row.puzzles }));
  const item = (path: string, line: number | null, text: string) =>
    `<li><b>${escapeHtml(path)}${line === null ? '' : `:${line}`}</b> ${escapeHtml(text)}</li>`;
  const failed = report.items.filter((i) => i.status === 'failed');
  return htmlPage(
    `Evaluation: ${title}`,
    `<h1>Evaluation of ${escapeHtml(run.model)}</h1>
<p class="sub">${escapeHtml(run.folder)} &middot; run <code>${escapeHtml(run.id)}</code> &middot; <span class="status ${run.status}">${run.status}</span></p>
<section class="meta">
<div>Model <b>${escapeHtml(run.model)}</b></div><div>SHA-256 <b title="${escapeHtml(run.modelSha256)}">${escapeHtml(run.modelSha256.slice(0, 16))}…</b></div>
<div>Provider <b>${escapeHtml(run.provider)}</b></div><div>Settings <b>${escapeHtml(settingsText(run.settings))}</b></div>
<div>Puzzle kind <b>${escapeHtml(run.kind ?? '–')}</b></div><div>App version <b>${escapeHtml(run.appVersion)}</b></div>
<div>Started <b>${escapeHtml(run.createdAt.replace('T', ' ').slice(0, 19))} UTC</b></div><div>Finished <b>${escapeHtml(run.finishedAt?.replace('T', ' ').slice(0, 19) ?? '–')}${run.finishedAt ? ' UTC' : ''}</b></div>
</section>
<section class="cards">
${card('Puzzles', String(s.puzzles), report.pending ? `${report.pending} still pending` : `${s.failed} failed`)}
${card('Solved', percent(s.solvedRate), `${s.solved} valid answers`)}
${card('Exact match', percent(s.exactRate), `${s.exact} of ${s.withTruth} with ground truth`)}
${card('Cell accuracy', percent(s.cellAccuracy), 'over the open cells')}
${card('Mean steps', number(s.meanSteps), 'supervision steps to halt')}
${card('Latency p50', ms(s.p50Ms), `p95 ${ms(s.p95Ms)}`)}
${card('Throughput', s.puzzlesPerSecond === null ? '–' : `${s.puzzlesPerSecond.toFixed(1)}/s`, 'puzzles per second')}
</section>
<h2>Distributions</h2>
<section class="charts">
${columnChart('Steps to halt', steps, 'supervision steps')}
${latencyChart(report.items.map((i) => i.timeMs))}
${rateChart(
  'Accuracy by difficulty',
  report.difficulty.map((d) => ({ label: d.bin, summary: d.summary })),
)}
</section>
<h2>Files</h2>
<table><thead><tr><th>File</th><th>Puzzles</th><th>Solved</th><th>Exact</th><th>Cells</th><th>Steps</th><th>p50</th><th>p95</th><th>Failed</th></tr></thead>
<tbody>${fileRows(report)}</tbody></table>
${listSection(
  'Skipped files',
  report.skipped.map((k) => item(k.path, null, k.reason)),
)}
${listSection(
  'Unreadable lines',
  report.problems.map((p) => item(p.path, p.line, p.message)),
)}
${listSection(
  'Failed puzzles',
  failed.map((f) => item(f.file, f.line, f.error ?? 'failed')),
)}
${listSection(
  'Missing puzzles',
  report.missing.map((m) => item(m.sourceFile, null, `puzzle ${m.index + 1} is no longer in the file`)),
)}
<footer>Made on this machine by TRM ${escapeHtml(run.appVersion)}; nothing was sent anywhere. Rates are fractions of the puzzles with a result; exact match and cell accuracy count only puzzles with a known answer.</footer>`,
  );
}
