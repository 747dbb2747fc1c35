// What the HTML pages (report, comparison) share: escaping, number formats, the style sheet
// and the page frame. Everything inline: a page must open offline, alone.

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
export const ms = (value: number | null): string =>
  value === null ? '–' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const number = (value: number | null, digits = 1): string => (value === null ? '–' : value.toFixed(digits));

const STYLE = `
:root{--ink:#1d2433;--muted:#667085;--line:#e4e7ec;--bg:#f6f7f9;--accent:#3b6fd8;--accent2:#27a17a;--warn:#c4320a}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1120px;margin:0 auto;padding:28px 32px 48px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 10px}
.sub{color:var(--muted);margin:0 0 18px}.sub code{font-size:12px}
.meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:4px 24px;background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin-bottom:18px}
.meta div{color:var(--muted)}.meta b{color:var(--ink);font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:24px;font-weight:650;margin-top:2px}.card .detail{color:var(--muted);font-size:12px;min-height:1em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
figcaption{font-weight:600;margin-bottom:6px}svg{width:100%;height:auto;display:block}
.grid{stroke:var(--line)}.bar{fill:var(--accent)}.bar.exact{fill:var(--accent2)}.track{fill:#eef1f5}
.tick{fill:var(--ink);font-size:11px}.axis{fill:var(--muted);font-size:11px}.note{fill:var(--muted);font-size:10px}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line);border-radius:10px;overflow:hidden}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);white-space:nowrap}
th{background:#fafbfc;color:var(--muted);font-weight:600;font-size:12px}td.path{white-space:normal;word-break:break-all}
.meter{display:inline-block;width:70px;height:8px;background:#eef1f5;border-radius:4px;margin-right:8px;vertical-align:middle;overflow:hidden}
.meter span{display:block;height:100%;background:var(--accent)}
details{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin-top:10px}
summary{cursor:pointer;font-weight:600}ul{margin:8px 0 0;padding-left:18px;color:var(--muted)}li b{color:var(--ink);font-weight:500}
.status{display:inline-block;padding:1px 8px;border-radius:10px;background:#e7f6ef;color:#116c4c;font-size:12px}
.status.cancelled,.status.running{background:#fff4e5;color:#93540b}.status.failed{background:#fdecea;color:var(--warn)}
.cards.two{grid-template-columns:1fr 1fr}.card .value.small{font-size:18px}
td.delta.up{color:#116c4c;font-weight:600}td.delta.down{color:var(--warn);font-weight:600}
.split.both{fill:#27a17a;background:#27a17a}.split.a{fill:#3b6fd8;background:#3b6fd8}.split.b{fill:#e0a526;background:#e0a526}.split.none{fill:#d0d5dd;background:#d0d5dd}
.legend{display:flex;gap:18px;margin-top:8px;color:var(--muted);font-size:12px}.key i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:-1px}
footer{color:var(--muted);font-size:12px;margin-top:28px}
`;

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body></html>
`;
}
