/**
 * Checks every relative link of a generated HTML site (the API reference in docs/api): the
 * file it points at exists, and so does the anchor (`id` or `name`) after `#`. TypeDoc itself
 * checks `{@link …}` in doc comments (typedoc.json, validation.invalidLink); this checks what it wrote.
 *
 *   npx tsx scripts/check-doc-links.ts [DIR]        (default docs/api; exit 1 on a broken link)
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { runCli } from "../src/cli/run-cli.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

/** A link that does not resolve: the page it is on, the href, and why. */
export interface BrokenLink { page: string; href: string; problem: string }

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i; // http:, https:, mailto:, data:, javascript:, //host

/** Every HTML file under `dir`, recursively. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).map((f) => join(dir, f));
}

/** The ids and names a page defines (anchor targets). */
function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]));
}

/** The broken relative links (href and src) of every HTML page under `dir`. */
export function brokenLinks(dir: string): BrokenLink[] {
  const pages = new Map<string, string>();
  const read = (f: string) => { if (!pages.has(f)) pages.set(f, readFileSync(f, "utf8")); return pages.get(f)!; };
  const broken: BrokenLink[] = [];
  for (const page of htmlFiles(dir)) {
    for (const m of read(page).matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = m[1].replace(/&amp;/g, "&");
      if (href === "" || EXTERNAL.test(href)) continue;
      const [pathPart, anchor] = href.split("#", 2);
      const target = pathPart === "" ? page : resolve(dirname(page), decodeURIComponent(pathPart.split("?")[0]));
      const where = relative(dir, page);
      if (!existsSync(target)) { broken.push({ page: where, href, problem: "no such file" }); continue; }
      if (anchor && target.endsWith(".html") && statSync(target).isFile() && !anchorsOf(read(target)).has(decodeURIComponent(anchor))) {
        broken.push({ page: where, href, problem: `no anchor #${anchor} in ${relative(dir, target)}` });
      }
    }
  }
  return broken;
}

/** The command: prints each broken link and fails when there is any. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const dir = argv[0] ?? join("docs", "api");
  if (!existsSync(join(dir, "index.html"))) throw new UsageError(`${dir}: no index.html — generate the reference first (npm run docs:api)`);
  const broken = brokenLinks(dir);
  for (const b of broken) process.stderr.write(`${b.page}: link ${JSON.stringify(b.href)}: ${b.problem}\n`);
  if (broken.length > 0) throw new Error(`${dir}: ${broken.length} broken link(s) — fix the doc comment or the page that makes them`);
  process.stderr.write(`${dir}: ${htmlFiles(dir).length} pages, every relative link resolves\n`);
}

if (isMainModule(import.meta.url)) runCli(main);
