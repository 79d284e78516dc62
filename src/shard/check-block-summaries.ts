/**
 * Semantic checks of a shard's block summaries, beyond their shape (block-summary-codec.ts):
 * what a summary computed by summarizeBlock always satisfies, so a shard whose numbers were
 * changed — even one re-sealed with a fresh content hash — is refused at merge.
 *
 * - block layout: block b starts at path b·B and holds min(B, paths − b·B) paths;
 * - counts: 0 ≤ ruined ≤ n; the per-path moments (opportunity, slippage, turnover, traded
 *   cost, paired ruin/opportunity/slippage/turnover) have exactly n observations; survivors
 *   ≤ n − ruined; paired log growths ≤ n;
 * - sums: every mean and co-moment finite, sums of squares ≥ 0, costs and turnover ≥ 0;
 *   per-path log growths finite or −∞ (equity ≤ 0), never NaN or +∞;
 * - pairing: a scheme's ruined count is the baseline's plus n·(mean paired ruin difference),
 *   and its opportunity, slippage and turnover means are the baseline's plus the mean paired
 *   difference (to rounding: 1e-9 of the figures' scale).
 */
import type { BlockSummary, SchemeBlockStats } from "../engine/block-summary.ts";
import type { Moments } from "../metrics/running-moments.ts";
import { UsageError } from "../errors.ts";

const FIX = "the shard was tampered with or damaged; re-run that shard";

/** Relative tolerance of the pairing identities (Welford means agree to ~n·ε; 1e-9 leaves room for 1M-path blocks). */
const PAIRING_TOLERANCE = 1e-9;

/**
 * @param summaries a shard's blocks, decoded
 * @param paths     the run's path count; `blockPaths` its block size; `baseline` its baseline scheme index
 * @param source    names the shard in error messages
 * @throws UsageError naming the block, scheme and field, the value and what it must be
 */
export function checkBlockSummaries(summaries: BlockSummary[], paths: number, blockPaths: number, baseline: number, source: string): void {
  summaries.forEach((b, i) => {
    const at = `${source}: summaries[${i}]`;
    const n = Math.min(blockPaths, paths - b.blockIndex * blockPaths);
    if (b.firstPath !== b.blockIndex * blockPaths) bad(`${at}.firstPath`, `block ${b.blockIndex} at ${blockPaths} paths a block starts at path ${b.blockIndex * blockPaths}; got ${b.firstPath}`);
    if (b.nPaths !== n) bad(`${at}.nPaths`, `block ${b.blockIndex} of ${paths} paths at ${blockPaths} a block holds ${n} paths; got ${b.nPaths}`);
    b.schemes.forEach((s, k) => checkScheme(s, n, `${at}.schemes[${k}]`));
    b.logGrowth.forEach((g, k) => g.forEach((x, p) => {
      if (Number.isNaN(x) || x === Infinity) bad(`${at}.logGrowth[${k}][${p}]`, `must be finite or -inf; got ${x}`);
    }));
    const base = b.schemes[baseline];
    b.schemes.forEach((s, k) => checkPairing(s, base, n, `${at}.schemes[${k}]`));
  });
}

function checkScheme(s: SchemeBlockStats, n: number, at: string): void {
  if (!Number.isInteger(s.ruined) || s.ruined < 0 || s.ruined > n) bad(`${at}.ruined`, `must be an integer in [0, ${n}] (the block's paths); got ${s.ruined}`);
  const exact: [string, Moments | { n: number }][] = [
    ["opportunity", s.opportunity], ["slippage", s.slippage], ["turnover", s.turnover], ["tradedCost", s.tradedCost],
    ["paired.ruin", s.paired.ruin], ["paired.opportunity", s.paired.opportunity], ["paired.slippage", s.paired.slippage], ["paired.turnover", s.paired.turnover],
    ["objective", s.objective], ["paired.objective", s.paired.objective],
  ];
  for (const [name, m] of exact) if (m.n !== n) bad(`${at}.${name}.n`, `must equal the block's ${n} paths; got ${m.n}`);
  if (!Number.isInteger(s.survivorLogGrowth.n) || s.survivorLogGrowth.n < 0 || s.survivorLogGrowth.n > n - s.ruined) {
    bad(`${at}.survivorLogGrowth.n`, `must be at most the block's ${n} paths less the ${s.ruined} ruined; got ${s.survivorLogGrowth.n}`);
  }
  if (!Number.isInteger(s.paired.logGrowth.n) || s.paired.logGrowth.n < 0 || s.paired.logGrowth.n > n) bad(`${at}.paired.logGrowth.n`, `must be an integer in [0, ${n}]; got ${s.paired.logGrowth.n}`);
  const moments: [string, Moments][] = [
    ["opportunity", s.opportunity], ["slippage", s.slippage], ["turnover", s.turnover], ["survivorLogGrowth", s.survivorLogGrowth], ["objective", s.objective],
    ...Object.entries(s.paired).map(([k, m]) => [`paired.${k}`, m] as [string, Moments]),
  ];
  for (const [name, m] of moments) {
    finite(`${at}.${name}.mean`, m.mean);
    finite(`${at}.${name}.m2`, m.m2);
    if (m.m2 < 0) bad(`${at}.${name}.m2`, `must be ≥ 0 (a sum of squares); got ${m.m2}`);
  }
  const c = s.tradedCost;
  for (const k of ["meanX", "meanY", "m2x", "m2y", "cxy"] as const) finite(`${at}.tradedCost.${k}`, c[k]);
  for (const [name, x] of [["slippage.mean", s.slippage.mean], ["turnover.mean", s.turnover.mean], ["tradedCost.meanX", c.meanX], ["tradedCost.meanY", c.meanY], ["tradedCost.m2x", c.m2x], ["tradedCost.m2y", c.m2y]] as const) {
    if (x < 0) bad(`${at}.${name}`, `must be ≥ 0 (costs are never negative); got ${x}`);
  }
}

function checkPairing(s: SchemeBlockStats, base: SchemeBlockStats, n: number, at: string): void {
  const ruinDiff = s.paired.ruin.mean * n;
  if (Math.abs(s.ruined - base.ruined - ruinDiff) > 1e-6 * n) {
    bad(`${at}.ruined`, `${s.ruined} disagrees with the baseline's ${base.ruined} ruined plus the paired difference ${ruinDiff.toFixed(3)}`);
  }
  for (const k of ["opportunity", "slippage", "turnover"] as const) {
    const a = s[k], b = base[k], d = s.paired[k];
    const scale = Math.abs(a.mean) + Math.abs(b.mean) + Math.sqrt(a.m2 / n) + Math.sqrt(b.m2 / n) + Math.sqrt(d.m2 / n);
    if (!(Math.abs(a.mean - b.mean - d.mean) <= PAIRING_TOLERANCE * scale)) {
      bad(`${at}.${k}.mean`, `${a.mean} disagrees with the baseline's ${b.mean} plus the paired difference ${d.mean}`);
    }
  }
}

function finite(at: string, x: number): void {
  if (!Number.isFinite(x)) bad(at, `must be finite; got ${x}`);
}

function bad(at: string, problem: string): never {
  throw new UsageError(`${at}: ${problem} — ${FIX}`);
}
