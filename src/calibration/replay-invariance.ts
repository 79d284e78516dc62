/**
 * What a draw of the fitted parameters can change when the strategy is a replayed leverage
 * series (`--strategy series:FILE.csv`, issue 15 items 1 and 6), so the robustness study
 * (fit-robustness.ts) runs only the draws that can move a result.
 *
 * A replay supplies the market's log-returns (the history itself) and the target (the leverage
 * file), every step in regime 0 (profile-scenario.ts, market/stationary-bootstrap.ts). Of the
 * profile, the engine then reads only (assembly/pacing/simulate-pacing.ts with supplied returns):
 * - the liquidity fields (depth, thinning, resilience, spread): held fixed by the draws (no interval);
 * - regime 0's σ₀: the initial EWMA variance σ̂₀² = σ₀², and the calm reference of the liquidity
 *   rule's depth estimate min(1, (σ₀/σ̂_t)^α) (advance-market-lanes.ts);
 * - the EWMA decay λ_v of σ̂_t² = λ_v·σ̂²_{t−1} + (1 − λ_v)·x_t²/dt.
 * Regime 0's cost entries do not depend on σ₀: depth × (σ₀/σ₀)^α = depth, half spread s₀·σ₀/σ₀
 * (regime-lanes.ts; the latter equal to s₀/2 up to one f64 rounding before the f32 one). The
 * other regimes' σ, the switching probabilities, the jumps, ν, the trend and the drift only shape
 * a simulated market, and a replay simulates none.
 *
 * So a draw can move only the schemes whose rule reads σ̂ or σ₀ — vol (rate c/(1 + β·σ̂_t)) and
 * liquidity (λ_max × the depth estimate) — and only through σ₀ and λ_v. The other kinds (instant,
 * rate, ema, asymmetric), and every kind when neither σ₀ nor λ_v is drawn, give the fitted
 * profile's objective, ruin and drawdown on every draw (test/calibration/replay-robustness.test.ts
 * runs them on the draws to check).
 */

/** The drawn parameters (profile-draws.ts names) that a replayed run reads. */
export const REPLAY_READS: readonly string[] = ["sigma_annual[0]", "ewma_decay"];

/** The scheme kinds whose rule reads the volatility estimate σ̂ or the calm σ₀. */
export const KINDS_READING_VOLATILITY: readonly string[] = ["vol", "liquidity"];

/** Kinds whose draws are not run, and why (recommendation.json `robustness.draws_skipped`). */
export interface SkippedDraws { kinds: string[]; reason: string }

/**
 * The kinds among `kinds` whose results no draw can change under a replayed series (see the
 * module comment), or null when every kind can be moved.
 * @param drawn the parameters the draws move (profile-draws.ts `drawn`)
 */
export function replayInvariantKinds(kinds: string[], drawn: string[]): SkippedDraws | null {
  const read = drawn.filter((d) => REPLAY_READS.includes(d));
  const skipped = read.length ? kinds.filter((k) => !KINDS_READING_VOLATILITY.includes(k)) : [...kinds];
  if (!skipped.length) return null;
  const why = read.length
    ? `their rules read neither σ̂ nor σ₀, the only drawn parameters a replay reads being ${read.join(" and ")}`
    : `a replay reads of the drawn parameters (${drawn.join(", ") || "none"}) only ${REPLAY_READS.join(" and ")}, and neither is drawn`;
  return {
    kinds: skipped,
    reason: `the strategy is a replayed series: the market is the history itself, so a draw of the fitted parameters cannot change these kinds' results (${why}); each of their draws equals the fitted profile, which is reported as their spread, and their draws were not run`,
  };
}
