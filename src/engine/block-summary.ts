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
 */
export function summarizeBlock(
  blockIndex: number, firstPath: number, out: Float64Array, nPaths: number, nSchemes: number,
  baseline: number, e0: number, horizon: BlockHorizon = { steps: 1, yearSteps: [], pathRisk: false },
): BlockSummary {
  const schemes = Array.from({ length: nSchemes }, emptyStats);
  const years = horizon.yearSteps.length;
  for (const st of schemes) { st.ruinedBy = new Float64Array(years); st.bothRuinedBy = new Float64Array(years); }
  const perPath = (n: number) => Array.from({ length: nSchemes }, () => new Float64Array(n));
  const logGrowth = perPath(nPaths), terminalReturn = perPath(nPaths), maxDrawdown = perPath(horizon.pathRisk ? nPaths : 0);
  for (let p = 0; p < nPaths; p++) {
    const b = (p * nSchemes + baseline) * OUT_WIDTH;
    const baseEquity = out[b + O_EQUITY];
    const baseGrowth = baseEquity > 0 ? Math.log(baseEquity / e0) : -Infinity;
    const baseRuin = out[b + O_RUIN_STEP];
    const baseUnder = out[b + O_UNDER_WATER] / horizon.steps;
    const perStep = 1 / (e0 * horizon.steps); // the GP objective: equity units summed over steps → units of E₀ per step
    const baseObjective = out[b + O_GP_OBJECTIVE] * perStep;
    for (let s = 0; s < nSchemes; s++) {
      const o = (p * nSchemes + s) * OUT_WIDTH;
      const st = schemes[s];
      const ruinStep = out[o + O_RUIN_STEP], ruined = ruinStep > 0;
      const equity = out[o + O_EQUITY];
      const growth = equity > 0 ? Math.log(equity / e0) : -Infinity;
      logGrowth[s][p] = growth;
      terminalReturn[s][p] = equity / e0 - 1;
      if (ruined) st.ruined++;
      else if (Number.isFinite(growth)) addMoment(st.survivorLogGrowth, growth); // equity ≤ 0 is no survivor
      addMoment(st.opportunity, out[o + O_OPPORTUNITY]);
      addMoment(st.slippage, out[o + O_SLIPPAGE]);
      addMoment(st.turnover, out[o + O_TURNOVER]);
      addCoMoment(st.tradedCost, out[o + O_TRADED], out[o + O_COST]);
      addMoment(st.funding, out[o + O_FUNDING]);
      addMoment(st.paired.ruin, (ruined ? 1 : 0) - (baseRuin > 0 ? 1 : 0));
      addMoment(st.paired.opportunity, out[o + O_OPPORTUNITY] - out[b + O_OPPORTUNITY]);
      addMoment(st.paired.slippage, out[o + O_SLIPPAGE] - out[b + O_SLIPPAGE]);
      addMoment(st.paired.turnover, out[o + O_TURNOVER] - out[b + O_TURNOVER]);
      addMoment(st.paired.funding, out[o + O_FUNDING] - out[b + O_FUNDING]);
      const objective = out[o + O_GP_OBJECTIVE] * perStep;
      addMoment(st.objective, objective);
      addMoment(st.paired.objective, objective - baseObjective);
      if (Number.isFinite(growth) && Number.isFinite(baseGrowth)) addMoment(st.paired.logGrowth, growth - baseGrowth);
      if (horizon.pathRisk) {
        maxDrawdown[s][p] = out[o + O_MAX_DRAWDOWN];
        const under = out[o + O_UNDER_WATER] / horizon.steps;
        addMoment(st.underWater, under);
        addMoment(st.paired.underWater, under - baseUnder);
      }
      if (ruined) {
        for (let y = 0; y < years; y++) {
          if (ruinStep > horizon.yearSteps[y]) continue;
          st.ruinedBy[y]++;
          if (baseRuin > 0 && baseRuin <= horizon.yearSteps[y]) st.bothRuinedBy[y]++;
        }
      }
    }
  }
  return { blockIndex, firstPath, nPaths, schemes, logGrowth, maxDrawdown, terminalReturn };
}
