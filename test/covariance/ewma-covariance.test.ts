import { describe, expect, it } from "vitest";
import { ewmaCovarianceAtRows, ewmaCovarianceLast, ewmaCovarianceSequence, ewmaCovarianceStream, packedIndex } from "../../src/covariance/ewma-covariance.ts";
import { ewmaCovarianceReference, ewmaCovariancePackedReference } from "../../src/covariance/ewma-covariance.reference.ts";
import { expectCovClose, newKernel, randomReturns } from "./helpers.ts";

function twin(x: Float64Array, n: number, k: number, lambda = 0.94): Float64Array {
  const state = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) state[i * k + j] = x[i] * x[j]; // Σ_0 = r_1 r_1ᵀ
  return ewmaCovarianceReference(x, n, k, lambda, state, true);
}

describe("ewmaCovariance", () => {
  const n = 101, k = 5, x = randomReturns(n, k, "ewma");
  const expected = twin(x, n, k);

  it("whole sequence equals the TS twin; Σ_1 = r_1 r_1ᵀ", () => {
    const seq = ewmaCovarianceSequence(newKernel(), x, n, k);
    for (let t = 0; t < n; t += 10) expectCovClose(seq.subarray(t * k * k, (t + 1) * k * k), expected.subarray(t * k * k, (t + 1) * k * k), k);
    expect(seq[1]).toBeCloseTo(x[0] * x[1], 18);
  });

  it("packed: every Σ_t is the upper triangle of the full one, and the kernel equals its packed twin", () => {
    const m = (k * (k + 1)) / 2;
    const full = ewmaCovarianceSequence(newKernel(), x, n, k);
    const packed = ewmaCovarianceSequence(newKernel(), x, n, k, { packed: true });
    expect(packed.length).toBe(n * m);
    for (let t = 0; t < n; t++) {
      for (let i = 0; i < k; i++) for (let j = i; j < k; j++) expect(packed[t * m + packedIndex(i, j, k)]).toBe(full[t * k * k + i * k + j]);
    }
    const state = new Float64Array(m);
    for (let i = 0; i < k; i++) for (let j = i; j < k; j++) state[packedIndex(i, j, k)] = x[i] * x[j];
    const twinPacked = ewmaCovariancePackedReference(x, n, k, 0.94, state, true);
    let worst = 0;
    for (let i = 0; i < packed.length; i++) worst = Math.max(worst, Math.abs(packed[i] - twinPacked[i]) / Math.max(Math.abs(twinPacked[i]), 1e-300));
    expect(worst).toBeLessThan(1e-12);
    // chunked streaming and the last matrix agree in packed form too
    expect(ewmaCovarianceLast(newKernel(), x, n, k, { packed: true })).toEqual(packed.slice((n - 1) * m));
  });

  it("streamed in chunks of any size gives the same matrices and last state", () => {
    const seen = new Float64Array(n * k * k);
    const last = ewmaCovarianceStream(newKernel(), x, n, k, 7, (t0, _r, m) => seen.set(m, t0 * k * k));
    expect(seen).toEqual(ewmaCovarianceSequence(newKernel(), x, n, k));
    expect(last).toEqual(seen.slice((n - 1) * k * k));
    expect(ewmaCovarianceLast(newKernel(), x, n, k)).toEqual(last);
  });

  it("chosen rows equal the sequence at those rows", () => {
    const rows = ewmaCovarianceAtRows(newKernel(), x, n, k, [0, 50, 100]);
    expect([...rows.keys()]).toEqual([0, 50, 100]);
    expectCovClose(rows.get(50)!, expected.subarray(50 * k * k, 51 * k * k), k);
  });

  it("handles odd k (SIMD remainder) and a given Σ_0", () => {
    const k3 = 3, x3 = randomReturns(20, k3, "odd");
    const init = [1e-4, 0, 0, 0, 2e-4, 0, 0, 0, 3e-4];
    const got = ewmaCovarianceLast(newKernel(), x3, 20, k3, { init, lambda: 0.9 });
    const state = Float64Array.from(init);
    ewmaCovarianceReference(x3, 20, k3, 0.9, state, false);
    expectCovClose(got, state, k3);
  });

  it("refuses a sequence too large to hold, pointing to streaming", () => {
    expect(() => ewmaCovarianceSequence(newKernel(), new Float64Array(2520 * 500), 2520, 500)).toThrow(/4\.7 GiB — stream it with ewmaCovarianceStream/);
    expect(() => ewmaCovarianceLast(newKernel(), x, n, k, { lambda: 1 })).toThrow(/lambda: must lie in \(0, 1\)/);
  });
});
