import { describe, expect, it } from "vitest";
import { sampleCovariance } from "../../src/covariance/sample-covariance.ts";
import { sampleCovarianceReference } from "../../src/covariance/sample-covariance.reference.ts";
import { choleskyReference } from "../../src/covariance/cholesky.reference.ts";
import { expectCovClose, newKernel, randomReturns } from "./helpers.ts";

describe("sampleCovariance", () => {
  it.each([[2, 1], [3, 2], [37, 5], [64, 4], [129, 7], [300, 13], [600, 45]])("equals the TS twin (n=%i, k=%i)", (n, k) => {
    const x = randomReturns(n, k, `s${n}${k}`);
    expectCovClose(sampleCovariance(newKernel(), x, n, k), sampleCovarianceReference(x, n, k), k);
  });

  it("matches a hand-computed 3×2 case", () => {
    // x = [[1,2],[2,4],[3,9]]: var = 1, 13; cov = 3.5 (closed form, divisor n−1)
    const c = sampleCovariance(newKernel(), [1, 2, 2, 4, 3, 9], 3, 2);
    expect(Array.from(c)).toEqual([1, 3.5, 3.5, 13]);
  });

  it("is symmetric and positive semi-definite", () => {
    const k = 9, x = randomReturns(200, k);
    const c = sampleCovariance(newKernel(), x, 200, k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expect(c[i * k + j]).toBe(c[j * k + i]);
    expect(choleskyReference(c, k).failedColumn).toBe(0);
  });

  it("does not mutate its input and survives memory growth between calls", () => {
    const kernel = newKernel(), x = randomReturns(50, 3), copy = x.slice();
    const first = sampleCovariance(kernel, x, 50, 3);
    kernel.allocF64(4_000_000, "growth"); // forces memory.grow
    expect(sampleCovariance(kernel, x, 50, 3)).toEqual(first);
    expect(x).toEqual(copy);
  });

  it("rejects n < 2, a wrong length and NaN with the input named", () => {
    const kernel = newKernel();
    expect(() => sampleCovariance(kernel, [1, 2], 1, 2)).toThrow(/sampleCovariance: x: needs at least 2 observations; got 1/);
    expect(() => sampleCovariance(kernel, [1, 2, 3], 2, 2)).toThrow(/length 3 ≠ n·k/);
    expect(() => sampleCovariance(kernel, [1, NaN, 3, 4], 2, 2)).toThrow(/row 0, column 1 is NaN/);
  });
});
