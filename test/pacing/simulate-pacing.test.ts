import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { createPacingRunner } from "../../src/engine/pacing-block.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";

describe("WASM pacing kernel vs its TypeScript twin", () => {
  const job = encodeJob(validateScenario({ ...rs1Scenario, paths: 40 }));
  const request = { firstPath: 1000, nPaths: 40, nTrace: 3 };
  const wasm = createPacingRunner("wasm", job, loadKernelModule()).run(request);
  const twin = createPacingRunner("reference", job).run(request);

  it("agrees on every per-path output of RS-1 to 1e-12 relative", () => {
    let worst = 0;
    for (let i = 0; i < wasm.out.length; i++) {
      const a = wasm.out[i], b = twin.out[i];
      const err = Math.abs(a - b) / Math.max(1e-300, Math.abs(b), 1e-6);
      worst = Math.max(worst, err);
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it("agrees on the traced leverage and equity paths", () => {
    expect(wasm.trace.length).toBe(3 * 1825 * (L.TRACE_FIXED + 2 * 6));
    let worst = 0;
    for (let i = 0; i < wasm.trace.length; i++) {
      worst = Math.max(worst, Math.abs(wasm.trace[i] - twin.trace[i]) / Math.max(1, Math.abs(twin.trace[i])));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it("produces ruins and survivals (the comparison is not vacuous)", () => {
    const ruinSteps = [];
    for (let p = 0; p < 40; p++) ruinSteps.push(wasm.out[(p * 6) * L.OUT_WIDTH + L.O_RUIN_STEP]);
    expect(ruinSteps.some((s) => s > 0)).toBe(true);
    expect(ruinSteps.some((s) => s === 0)).toBe(true);
  });
});
