import { afterAll, describe, expect, it } from "vitest";
import { CovariancePool } from "../../src/covariance/covariance-pool.ts";
import { sampleCovariance } from "../../src/covariance/sample-covariance.ts";
import { splitTileRows } from "../../src/covariance/split-tile-rows.ts";
import { newKernel, randomReturns } from "./helpers.ts";

describe("splitTileRows", () => {
  it("covers every tile row once with near-equal tile counts", () => {
    for (const [k, parts] of [[500, 2], [500, 3], [100, 2], [13, 4], [3, 2]]) {
      const b = splitTileRows(k, parts), kp = Math.ceil(k / 4);
      expect(b[0]).toBe(0);
      expect(b[parts]).toBe(kp);
      for (let p = 0; p < parts; p++) expect(b[p + 1]).toBeGreaterThanOrEqual(b[p]);
      if (kp >= 4 * parts) {
        const tiles = (p: number) => { let s = 0; for (let ip = b[p]; ip < b[p + 1]; ip++) s += kp - ip; return s; };
        for (let p = 0; p < parts; p++) expect(Math.abs(tiles(p) - (kp * (kp + 1)) / 2 / parts)).toBeLessThanOrEqual(kp);
      }
    }
  });
});

describe("CovariancePool", () => {
  const pools: CovariancePool[] = [];
  afterAll(async () => { await Promise.all(pools.map((p) => p.close())); });

  it("is bit-identical to sampleCovariance for 1, 2 and 3 workers", async () => {
    for (const workers of [1, 2, 3]) pools.push(await CovariancePool.start(workers));
    for (const [n, k] of [[300, 37], [601, 45], [50, 3], [9, 1]]) {
      const x = randomReturns(n, k, `pool${n}${k}`);
      const single = sampleCovariance(newKernel(), x, n, k);
      for (const pool of pools) expect(await pool.sampleCovariance(x, n, k), `${pool.size} workers, n=${n}, k=${k}`).toEqual(single);
    }
  }, 60_000);

  it("rejects bad input and a bad worker count with the input named", async () => {
    await expect(CovariancePool.start(0)).rejects.toThrow(/workers: must be an integer in \[1, 64\]; got 0/);
    const pool = await CovariancePool.start(1);
    pools.push(pool);
    expect(() => pool.sampleCovariance([1, 2, 3], 2, 2)).toThrow(/length 3 ≠ n·k/);
    await pool.close();
    await expect(pool.sampleCovariance([1, 2, 3, 4], 2, 2)).rejects.toThrow(/the pool is closed/);
  }, 60_000);
});
