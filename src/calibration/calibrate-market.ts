/**
 * One market of the calibrate-markets study (issue 15, items 1 and 4): the price file's
 * profile, fitted ONCE and shared by every strategy, then the pacing search per strategy on
 * that profile (same seed: common random numbers across strategies too), each with its
 * recommendation document and report. Runs in the calling thread (the engine in-thread,
 * workers = 1); the study runs several markets at once on worker threads
 * (market-calibration-worker.ts), which keeps both cores busy through the single-threaded
 * profile fits and avoids a worker pool's start-up per engine run.
 */
import { loadPrices } from "../data/load-prices.ts";
import { estimateProfile, type MarketProfile, type ProfileOptions } from "./market-profile.ts";
import { pacingSearch } from "./pacing-search.ts";
import { recommendationDocument } from "./recommendation-document.ts";
import { calibrationReportHtml } from "./calibration-report.ts";
import { parseStrategy, formatStrategy } from "./strategy-spec.ts";
import { scenarioDrift } from "./market-drift.ts";
import { objectiveByName, type Objective } from "./pacing-objective.ts";

/** What one market's calibration needs: plain data, so it can be posted to a worker. */
export interface MarketTask {
  id: string; file: string; options: ProfileOptions;
  /** --strategy specs (strategy-spec.ts); a series file is not accepted here */ strategies: string[];
  seed: number; coarsePaths: number; refinePaths: number; objective: Partial<Objective>; objectiveName: string;
  drift: "history" | number; provenance: Record<string, unknown>;
}

export interface MarketOutcome {
  id: string; profile: MarketProfile;
  strategies: { strategy: string; rec: ReturnType<typeof recommendationDocument>; reportHtml: string }[];
  /** wall seconds of this market: the profile, each strategy's search, in all (CPU time is the process's: the study reports it) */ seconds: { profile: number; searches: number[]; total: number };
}

/** Calibrates one market for every strategy of `task` (see the module comment). */
export async function calibrateMarket(task: MarketTask, onProgress?: (done: number, total: number) => void): Promise<MarketOutcome> {
  const t0 = performance.now();
  const { series } = loadPrices(task.file, { policy: "repair" });
  const profile = estimateProfile(series, task.options);
  const profileSeconds = (performance.now() - t0) / 1000;
  const drift = scenarioDrift(task.drift, profile, series);
  const strategies: MarketOutcome["strategies"] = [], searches: number[] = [];
  for (const [i, spec] of task.strategies.entries()) {
    const s = parseStrategy(spec);
    if (s.kind !== "target") throw new Error(`calibrateMarket: ${spec} — a series strategy belongs to one price file; use npm run calibrate`);
    const t1 = performance.now();
    const search = await pacingSearch(profile, {
      target: s.target, drift, seed: task.seed, coarsePaths: task.coarsePaths, refinePaths: task.refinePaths, workers: 1,
      objective: task.objective, objectiveFunction: objectiveByName(task.objectiveName),
      onProgress: onProgress && ((d, t) => onProgress(i * t + d, task.strategies.length * t)),
    });
    const rec = recommendationDocument(profile, search, { ...task.provenance, strategy: formatStrategy(s) });
    strategies.push({ strategy: formatStrategy(s), rec, reportHtml: calibrationReportHtml(profile, search, rec, [`strategy ${formatStrategy(s)}`]) });
    searches.push((performance.now() - t1) / 1000);
  }
  return { id: task.id, profile, strategies, seconds: { profile: profileSeconds, searches, total: (performance.now() - t0) / 1000 } };
}
