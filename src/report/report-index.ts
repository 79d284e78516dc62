/**
 * The index page of an output folder: one row per report (study kind, title, seed, date, git
 * revision, run time, links to the report, its results.json and PNG figures), and one row per
 * results file that could not be rendered, with the reason. Plain HTML, no scripts.
 */
export interface IndexEntry {
  /** paths relative to the index page */
  report: string;
  results: string;
  pngs: string[];
  kind: string;
  title: string;
  facts: Record<string, string | number>;
}

export interface IndexFailure {
  results: string;
  error: string;
}

const COLUMNS = ["seed", "configuration", "git revision", "date", "run time (s)"];

/** Renders the index page. */
export function reportIndexHtml(title: string, entries: IndexEntry[], failures: IndexFailure[] = []): string {
  const rows = entries.map((e) => `<tr><td><a href="${attr(e.report)}">${esc(e.title)}</a></td><td>${esc(e.kind)}</td>${
    COLUMNS.map((c) => `<td>${esc(String(e.facts[c] ?? "—"))}</td>`).join("")}<td><a href="${attr(e.results)}">results.json</a>${
    e.pngs.length ? ` · ${e.pngs.map((p, i) => `<a href="${attr(p)}">png ${i + 1}</a>`).join(" ")}` : ""}</td></tr>`).join("\n");
  const thumbs = entries.filter((e) => e.pngs.length > 0)
    .map((e) => `<figure><a href="${attr(e.report)}"><img src="${attr(e.pngs[0])}" alt="${attr(e.title)}"></a><figcaption>${esc(e.title)}</figcaption></figure>`).join("\n");
  const failed = failures.length === 0 ? "" : `<h2>Could not render</h2><ul>${
    failures.map((f) => `<li><code>${esc(f.results)}</code>: ${esc(f.error)}</li>`).join("")}</ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
table{border-collapse:collapse;font-size:0.9em}th,td{text-align:left;padding:4px 12px 4px 0;border-bottom:1px solid #ddd;vertical-align:top}
figure{display:inline-block;margin:0 1em 1em 0;width:360px}img{width:100%;border:1px solid #ddd}figcaption{font-size:0.85em;color:#555}
</style></head>
<body><h1>${esc(title)}</h1>
<p>${entries.length} report(s). Every report is a standalone offline HTML file rebuilt from its results.json (<code>npm run report</code>).</p>
<table><thead><tr><th>report</th><th>kind</th>${COLUMNS.map((c) => `<th>${esc(c)}</th>`).join("")}<th>files</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${failed}
${thumbs ? `<h2>Figures</h2>\n${thumbs}` : ""}
</body></html>
`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return esc(s).replace(/"/g, "&quot;");
}
