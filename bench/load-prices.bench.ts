/**
 * Loader benchmark (issue 18, item 9): a 200 MB one-minute CSV in Kraken's layout
 * (dtime,time,open,high,low,close,vwap,volume,count; 3.2 M rows, about six years of minutes),
 * generated once into out/ from a seeded random walk, then loaded with loadPrices.
 * Prints the load time, the rows and the process's peak resident memory (ru_maxrss);
 * run each load in a fresh process so the peak belongs to it.
 *
 * Run: npx tsx bench/load-prices.bench.ts [--rows 3200000] [--file out/bench-1m.csv] [--policy repair]
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { loadPrices } from "../src/data/load-prices.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "3200000" }, file: { type: "string", default: "out/bench-1m.csv" }, policy: { type: "string", default: "repair" } } });
const rows = Number(values.rows), file = String(values.file);

/** Writes `n` one-minute bars from 2018-01-01, a random walk from a xorshift32 seeded with 18. */
async function generate(path: string, n: number): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let s = 18, price = 20_000;
  const u = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  const t0 = Date.UTC(2018, 0, 1) / 1000;
  let chunk = "dtime,time,open,high,low,close,vwap,volume,count\n";
  for (let i = 0; i < n; i++) {
    const open = price;
    price *= Math.exp(0.0008 * (u() - 0.5));
    const hi = Math.max(open, price) * (1 + 0.0002 * u()), lo = Math.min(open, price) * (1 - 0.0002 * u());
    const t = t0 + 60 * i, d = new Date(t * 1000).toISOString();
    chunk += `${d.slice(0, 10)} ${d.slice(11, 19)},${t},${open.toFixed(1)},${hi.toFixed(1)},${lo.toFixed(1)},${price.toFixed(1)},${((open + price) / 2).toFixed(1)},${(10 * u()).toFixed(8)},${1 + Math.floor(40 * u())}\n`;
    if (chunk.length > 1 << 20) { if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r())); chunk = ""; }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

if (!existsSync(file)) {
  const g = performance.now();
  await generate(file, rows);
  console.log(`generated ${file}: ${rows} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - g) / 1000).toFixed(1)} s (run again to time the load alone)`);
  process.exit(0);
}
const start = performance.now();
const r = loadPrices(file, { policy: values.policy as "strict" | "repair" });
const seconds = (performance.now() - start) / 1000;
const peak = process.resourceUsage().maxRSS / 1024; // KiB → MiB
console.log(`loaded ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB): ${r.rows.read} rows read, ${r.rows.kept} kept in ${seconds.toFixed(1)} s; peak RSS ${peak.toFixed(0)} MiB; heap used now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
