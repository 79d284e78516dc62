/**
 * Reduces one block of per-path kernel outputs to mergeable statistics per scheme:
 * moments, counts and sums, plus the per-path terminal log growth (what the median needs).
 * Paths are visited in order, so a block's summary does not depend on who computed it.
 */
import {
  OUT_WIDTH, O_RUIN_STEP, O_OPPORTUNITY, O_SLIPPAGE, O_TURNOVER, O_TRADED, O_COST, O_EQUITY,
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
  /** scheme − baseline, per path */
  paired: {
    ruin: Moments;
    opportunity: Moments;
    slippage: Moments;
    turnover: Moments;
    /** over paths where both log growths are finite */
    logGrowth: Moments;
  };
}

export interface BlockSummary {
  blockIndex: number;
  firstPath: number;
  nPaths: number;
  schemes: SchemeBlockStats[];
  /** per scheme, ln(E/E₀) per path at T (or at ruin; −∞ when equity ≤ 0), not annualised */
  logGrowth: Float64Array[];
}

/** Statistics of no path: the identity of mergeSchemeStats. */
export function emptyStats(): SchemeBlockStats {
  return {
    ruined: 0, opportunity: emptyMoments(), slippage: emptyMoments(), turnover: emptyMoments(),
    tradedCost: emptyCoMoments(), survivorLogGrowth: emptyMoments(),
    paired: { ruin: emptyMoments(), opportunity: emptyMoments(), slippage: emptyMoments(), turnover: emptyMoments(), logGrowth: emptyMoments() },
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
    paired,
  };
}

/**
 * @param out       nPaths × nSchemes × OUT_WIDTH kernel outputs
 * @param baseline  index of the scheme paired differences are taken against
 * @param e0        initial equity
 */
export function summarizeBlock(
  blockIndex: number, firstPath: number, out: Float64Array, nPaths: number, nSchemes: number,
  baseline: number, e0: number,
): BlockSummary {
  const schemes = Array.from({ length: nSchemes }, emptyStats);
  const logGrowth = Array.from({ length: nSchemes }, () => new Float64Array(nPaths));
  for (let p = 0; p < nPaths; p++) {
    const b = (p * nSchemes + baseline) * OUT_WIDTH;
    const baseEquity = out[b + O_EQUITY];
    const baseGrowth = baseEquity > 0 ? Math.log(baseEquity / e0) : -Infinity;
    for (let s = 0; s < nSchemes; s++) {
      const o = (p * nSchemes + s) * OUT_WIDTH;
      const st = schemes[s];
      const ruined = out[o + O_RUIN_STEP] > 0;
      const equity = out[o + O_EQUITY];
      const growth = equity > 0 ? Math.log(equity / e0) : -Infinity;
      logGrowth[s][p] = growth;
      if (ruined) st.ruined++;
      else if (Number.isFinite(growth)) addMoment(st.survivorLogGrowth, growth); // equity ≤ 0 is no survivor
      addMoment(st.opportunity, out[o + O_OPPORTUNITY]);
      addMoment(st.slippage, out[o + O_SLIPPAGE]);
      addMoment(st.turnover, out[o + O_TURNOVER]);
      addCoMoment(st.tradedCost, out[o + O_TRADED], out[o + O_COST]);
      addMoment(st.paired.ruin, (ruined ? 1 : 0) - (out[b + O_RUIN_STEP] > 0 ? 1 : 0));
      addMoment(st.paired.opportunity, out[o + O_OPPORTUNITY] - out[b + O_OPPORTUNITY]);
      addMoment(st.paired.slippage, out[o + O_SLIPPAGE] - out[b + O_SLIPPAGE]);
      addMoment(st.paired.turnover, out[o + O_TURNOVER] - out[b + O_TURNOVER]);
      if (Number.isFinite(growth) && Number.isFinite(baseGrowth)) addMoment(st.paired.logGrowth, growth - baseGrowth);
    }
  }
  return { blockIndex, firstPath, nPaths, schemes, logGrowth };
}
