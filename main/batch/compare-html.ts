// Two runs side by side as one self-contained page: their settings, every metric with the
// difference, who solved what, and the files where they part.
import type { RunComparison } from './compare.ts';
import { settingsText } from '../../preload/defaults.ts';
import { escapeHtml, htmlPage, ms, number, percent } from './html.ts';
import type { ReportRun, Summary } from './report.ts';

interface Metric {
  label: string;
  value(s: Summary): number | null;
  format(value: number | null): string;
  /** Whether a larger value is better, to colour the difference. */
  higherIsBetter: boolean;
}

const metrics: Metric[] = [
  { label: 'Solved', value: (s) => s.solvedRate, format: percent, higherIsBetter: true },
  { label: 'Exact match', value: (s) => s.exactRate, format: percent, higherIsBetter: true },
  { label: 'Cell accuracy', value: (s) => s.cellAccuracy, format: percent, higherIsBetter: true },
  { label: 'Mean steps', value: (s) => s.meanSteps, format: (v) => number(v), higherIsBetter: false },
  { label: 'Latency p50', value: (s) => s.p50Ms, format: ms, higherIsBetter: false },
  { label: 'Latency p95', value: (s) => s.p95Ms, format: ms, higherIsBetter: false },
  { label: 'Failed', value: (s) => s.failed, format: (v) => number(v, 0), higherIsBetter: false },
];

function difference(metric: Metric, a: number | null, b: number | null): string {
  if (a === null || b === null || a === b) return '<td class="delta">–</td>';
  const better = b > a === metric.higherIsBetter;
  const sign = b > a ? '+' : '−';
  const size = metric.format === percent ? `${(Math.abs(b - a) * 100).toFixed(1)} pts` : metric.format(Math.abs(b - a));
  return `<td class="delta ${better ? 'up' : 'down'}">${sign}${escapeHtml(size)}</td>`;
}

function runCard(name: string, run: ReportRun): string {
  return `<div class="card"><div class="label">Run ${name}</div><div class="value small">${escapeHtml(run.model)}</div><div class="detail">${escapeHtml(settingsText(run.settings))} &middot; ${escapeHtml(run.provider)}<br>sha256 ${escapeHtml(run.modelSha256.slice(0, 16))}… &middot; <code>${escapeHtml(run.id.slice(0, 8))}</code></div></div>`;
}

/** One bar split four ways: solved by both, by A only, by B only, by neither. */
function agreementBar(c: RunComparison): string {
  const parts = [
    { label: 'both solved', count: c.bothSolved, cls: 'both' },
    { label: 'only A', count: c.onlyA, cls: 'a' },
    { label: 'only B', count: c.onlyB, cls: 'b' },
    { label: 'neither', count: c.neither, cls: 'none' },
  ];
  const width = 1000;
  let x = 0;
  const rects = parts.map((part) => {
    const w = c.common ? (part.count / c.common) * width : 0;
    const rect = `<rect x="${x}" y="0" width="${w}" height="28" class="split ${part.cls}"><title>${part.label}: ${part.count}</title></rect>`;
    x += w;
    return rect;
  });
  const legend = parts
    .map((p) => `<span class="key"><i class="split ${p.cls}"></i>${escapeHtml(p.label)} <b>${p.count}</b></span>`)
    .join('');
  return `<figure><figcaption>Who solved what, over the ${c.common} puzzles both runs answered</figcaption><svg viewBox="0 0 ${width} 28" preserveAspectRatio="none" role="img" aria-label="agreement" style="height:28px">${rects.join('')}</svg><div class="legend">${legend}</div></figure>`;
}

export function renderCompareHtml(c: RunComparison): string {
  const rows = metrics
    .map((m) => {
      const a = m.value(c.a.summary);
      const b = m.value(c.b.summary);
      return `<tr><td>${m.label}</td><td>${m.format(a)}</td><td>${m.format(b)}</td>${difference(m, a, b)}</tr>`;
    })
    .join('');
  const files = c.files
    .map(
      (f) =>
        `<tr><td class="path">${escapeHtml(f.path)}</td><td>${f.a.puzzles}</td><td>${percent(f.a.solvedRate)}</td><td>${percent(f.b.solvedRate)}</td>${difference(metrics[0]!, f.a.solvedRate, f.b.solvedRate)}</tr>`,
    )
    .join('');
  return htmlPage(
    `Comparison: ${c.a.run.model} and ${c.b.run.model}`,
    `<h1>${escapeHtml(c.a.run.model)} vs ${escapeHtml(c.b.run.model)}</h1>
<p class="sub">${escapeHtml(c.a.run.folder)} &middot; ${c.common} puzzles in common</p>
<section class="cards two">${runCard('A', c.a.run)}${runCard('B', c.b.run)}</section>
<h2>Metrics</h2>
<table><thead><tr><th>Metric</th><th>A</th><th>B</th><th>B − A</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Agreement</h2>
${agreementBar(c)}
<h2>Files</h2>
<table><thead><tr><th>File</th><th>Puzzles</th><th>Solved A</th><th>Solved B</th><th>B − A</th></tr></thead><tbody>${files}</tbody></table>
<footer>Made on this machine by TRM ${escapeHtml(c.b.run.appVersion)}; nothing was sent anywhere. Only puzzles both runs answered (same file, same position) are counted.</footer>`,
  );
}
