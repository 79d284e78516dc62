/**
 * Reduces one block of per-path kernel outputs to mergeable statistics per scheme:
 * moments, counts and sums, plus the per-path values the quantiles need (terminal log growth,
 * maximum drawdown, terminal return). Paths are visited in order, so a block's summary does not
 * depend on who computed it.
 */
import {
  OUT_WIDTH, O_RUIN_STEP, O_OPPORTUNITY, O_SLIPPAGE, O_TURNOVER, O_TRADED, O_COST, O_EQUITY, O_MAX_DRAWDOWN,
  O_UNDER_WATER, O_FUNDING, O_GP_OBJECTIVE,
} from "../../assembly/pacing/layout.ts";
import { addMoment, emptyMoments, mergeMoments, type Moments } from "../metrics/running-moments.ts";
import { addCoMoment, emptyCoMoments, mergeCoMoments, type CoMoments } from "../metrics/co-moments.ts";

export interface SchemeBlockStats {
  ruined: number;
  /** per-path Σ(L*−ℓ)R, Σc/E⁻, Σ|n|/E⁻ (not annualised) */
  opportunity: Moments;
  slippage: Moments;
  turnover: Moments;
  /** x = Σ|n|, y = Σc per path: slippage in bps is Σy/Σx */
  tradedCost: CoMoments;
  /** ln(E_T/E₀) over paths not ruined (not annualised) */
  survivorLogGrowth: Moments;
  /** share of the horizon's steps a path ends below its running peak (no paths when path risk is off) */
  underWater: Moments;
  /** per-path Σ r_f·dt·max(0, |P/E| − 1), funding as a share of equity (not annualised) */
  funding: Moments;
  /** per-path GP objective per step, Σ_t [x·r − (γ/2)σ²dt·x² − ½Λn²]/T in units of E₀ (layout.ts O_GP_OBJECTIVE) */
  objective: Moments;
  /** per year end of BlockHorizon.yearSteps: paths ruined by then, and paths ruined by then here and in the baseline */
  ruinedBy: Float64Array;
  bothRuinedBy: Float64Array;
  /** scheme − baseline, per path */
  paired: {
    ruin: Moments;
    opportunity: Moments;
    slippage: Moments;
    turnover: Moments;
    /** over paths where both log growths are finite */
    logGrowth: Moments;
    underWater: Moments;
    funding: Moments;
    objective: Moments;
  };
}

/** The per-path arrays of a summary (one Float64Array per scheme each): what the quantiles need. */
export const PER_PATH = ["logGrowth", "maxDrawdown", "terminalReturn"] as const;
export type PerPathKey = (typeof PER_PATH)[number];

export interface BlockSummary extends Record<PerPathKey, Float64Array[]> {
  blockIndex: number;
  firstPath: number;
  nPaths: number;
  schemes: SchemeBlockStats[];
  /** per scheme, ln(E/E₀) per path at T (or at ruin; −∞ when equity ≤ 0), not annualised */
  logGrowth: Float64Array[];
  /** per scheme, the path's maximum drawdown (empty arrays when path risk is off) */
  maxDrawdown: Float64Array[];
  /** per scheme, E_T/E₀ − 1 per path (at ruin: the marked ruin equity, which can be < 0) */
  terminalReturn: Float64Array[];
}

/** What a block's summary needs of the horizon: its steps, the steps that end each year, and whether path risk was tracked. */
export interface BlockHorizon {
  steps: number;
  /** steps t_y ending year y = 1, 2, … and the horizon T last (ruin_by_year) */
  yearSteps: number[];
  pathRisk: boolean;
}

/** Statistics of no path: the identity of mergeSchemeStats. */
export function emptyStats(): SchemeBlockStats {
  return {
    ruined: 0, opportunity: emptyMoments(), slippage: emptyMoments(), turnover: emptyMoments(),
    tradedCost: emptyCoMoments(), survivorLogGrowth: emptyMoments(), underWater: emptyMoments(), funding: emptyMoments(),
    objective: emptyMoments(), ruinedBy: new Float64Array(0), bothRuinedBy: new Float64Array(0),
    paired: {
      ruin: emptyMoments(), opportunity: emptyMoments(), slippage: emptyMoments(), turnover: emptyMoments(),
      logGrowth: emptyMoments(), underWater: emptyMoments(), funding: emptyMoments(), objective: emptyMoments(),
    },
  };
}

/** a ⊕ b: the statistics of both blocks' paths (Chan's merge for moments; counts add). */
export function mergeSchemeStats(a: SchemeBlockStats, b: SchemeBlockStats): SchemeBlockStats {
  const paired = {} as SchemeBlockStats["paired"];
  for (const k of Object.keys(a.paired) as (keyof SchemeBlockStats["paired"])[]) paired[k] = mergeMoments(a.paired[k], b.paired[k]);
  return {
    ruined: a.ruined + b.ruined,
    opportunity: mergeMoments(a.opportunity, b.opportunity),
    slippage: mergeMoments(a.slippage, b.slippage),
    turnover: mergeMoments(a.turnover, b.turnover),
    tradedCost: mergeCoMoments(a.tradedCost, b.tradedCost),
    survivorLogGrowth: mergeMoments(a.survivorLogGrowth, b.survivorLogGrowth),
    underWater: mergeMoments(a.underWater, b.underWater),
    funding: mergeMoments(a.funding, b.funding),
    objective: mergeMoments(a.objective, b.objective),
    ruinedBy: addCounts(a.ruinedBy, b.ruinedBy),
    bothRuinedBy: addCounts(a.bothRuinedBy, b.bothRuinedBy),
    paired,
  };
}

/** Element-wise sum of two count arrays (an empty one is the identity). */
function addCounts(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  return a.map((x, i) => x + b[i]);
}

/**
 * @param out       nPaths × nSchemes × OUT_WIDTH kernel outputs
 * @param baseline  index of the scheme paired differences are taken against
 * @param e0        initial equity
 * @param horizon   steps, year ends and path-risk switch (without it: no ruin by year, no path risk)
 *
 * Works column by column (one output field of one scheme over the block's paths) with small
 * loops, each statistic receiving its values in path order, as a path-by-path loop would: the
 * same bits. A single loop over paths and schemes with every statistic inlined cost V8's
 * optimising compiler 60–90 ms per compilation, several times per worker and on the cores the
 * simulation runs on (about 0.2 s of CPU in a full RS-1 run); these loops compile in a few ms.
 */
export function summarizeBlock(
  blockIndex: number, firstPath: number, out: Float64Array, nPaths: number, nSchemes: number,
  baseline: number, e0: number, horizon: BlockHorizon = { steps: 1, yearSteps: [], pathRisk: false },
): BlockSummary {
  const column = (s: number, field: number) => fieldColumn(out, nPaths, nSchemes, s, field);
  const perStep = 1 / (e0 * horizon.steps); // the GP objective: equity units summed over steps → units of E₀ per step
  const of = (s: number) => {
    const equity = column(s, O_EQUITY), ruinStep = column(s, O_RUIN_STEP);
    return {
      equity, ruinStep, ruined: ruinStep.map((r) => (r > 0 ? 1 : 0)), growth: equity.map((e) => (e > 0 ? Math.log(e / e0) : -Infinity)),
      opportunity: column(s, O_OPPORTUNITY), slippage: column(s, O_SLIPPAGE), turnover: column(s, O_TURNOVER), funding: column(s, O_FUNDING),
      objective: column(s, O_GP_OBJECTIVE).map((x) => x * perStep),
      under: horizon.pathRisk ? column(s, O_UNDER_WATER).map((u) => u / horizon.steps) : new Float64Array(0),
    };
  };
  const base = of(baseline);
  const schemes: SchemeBlockStats[] = [];
  const logGrowth: Float64Array[] = [], terminalReturn: Float64Array[] = [], maxDrawdown: Float64Array[] = [];
  for (let s = 0; s < nSchemes; s++) {
    const c = s === baseline ? base : of(s);
    const st = emptyStats();
    st.ruined = sum(c.ruined);
    addSurvivors(st.survivorLogGrowth, c.growth, c.ruinStep);
    addAll(st.opportunity, c.opportunity);
    addAll(st.slippage, c.slippage);
    addAll(st.turnover, c.turnover);
    addPairs(st.tradedCost, column(s, O_TRADED), column(s, O_COST));
    addAll(st.funding, c.funding);
    addAll(st.objective, c.objective);
    addDifferences(st.paired.ruin, c.ruined, base.ruined);
    addDifferences(st.paired.opportunity, c.opportunity, base.opportunity);
    addDifferences(st.paired.slippage, c.slippage, base.slippage);
    addDifferences(st.paired.turnover, c.turnover, base.turnover);
    addDifferences(st.paired.funding, c.funding, base.funding);
    addDifferences(st.paired.objective, c.objective, base.objective);
    addFiniteDifferences(st.paired.logGrowth, c.growth, base.growth);
    if (horizon.pathRisk) {
      addAll(st.underWater, c.under);
      addDifferences(st.paired.underWater, c.under, base.under);
    }
    [st.ruinedBy, st.bothRuinedBy] = ruinByYear(c.ruinStep, base.ruinStep, horizon.yearSteps);
    schemes.push(st);
    logGrowth.push(c.growth);
    terminalReturn.push(c.equity.map((e) => e / e0 - 1));
    maxDrawdown.push(horizon.pathRisk ? column(s, O_MAX_DRAWDOWN) : new Float64Array(0));
  }
  return { blockIndex, firstPath, nPaths, schemes, logGrowth, maxDrawdown, terminalReturn };
}

/** Field `field` of scheme `s` over the block's paths, in path order. */
function fieldColumn(out: Float64Array, nPaths: number, nSchemes: number, s: number, field: number): Float64Array {
  const c = new Float64Array(nPaths), stride = nSchemes * OUT_WIDTH;
  for (let p = 0, o = s * OUT_WIDTH + field; p < nPaths; p++, o += stride) c[p] = out[o];
  return c;
}

function sum(xs: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i];
  return total;
}

function addAll(m: Moments, xs: Float64Array): void {
  for (let i = 0; i < xs.length; i++) addMoment(m, xs[i]);
}

function addDifferences(m: Moments, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) addMoment(m, a[i] - b[i]);
}

/** a − b over the paths where both are finite (log growths: −∞ once equity ≤ 0). */
function addFiniteDifferences(m: Moments, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) addMoment(m, a[i] - b[i]);
}

/** The log growth of paths not ruined; equity ≤ 0 (growth −∞) is no survivor either. */
function addSurvivors(m: Moments, growth: Float64Array, ruinStep: Float64Array): void {
  for (let i = 0; i < growth.length; i++) if (!(ruinStep[i] > 0) && Number.isFinite(growth[i])) addMoment(m, growth[i]);
}

function addPairs(m: CoMoments, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) addCoMoment(m, x[i], y[i]);
}

/** Per year end t_y: paths ruined by t_y, and those ruined by t_y here and in the baseline. */
function ruinByYear(ruinStep: Float64Array, baseRuin: Float64Array, yearSteps: number[]): [Float64Array, Float64Array] {
  const by = new Float64Array(yearSteps.length), both = new Float64Array(yearSteps.length);
  for (let p = 0; p < ruinStep.length; p++) {
    const r = ruinStep[p];
    if (!(r > 0)) continue;
    for (let y = 0; y < yearSteps.length; y++) {
      if (r > yearSteps[y]) continue;
      by[y]++;
      if (baseRuin[p] > 0 && baseRuin[p] <= yearSteps[y]) both[y]++;
    }
  }
  return [by, both];
}
