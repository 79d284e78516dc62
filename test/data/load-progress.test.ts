/** Progress while loading a long file (issue 18, item 9): lines on stderr when it is not a terminal. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadPrices } from "../../src/data/load-prices.ts";
import { loadProgress } from "../../src/data/load-progress.ts";

const FILE = new URL("../../../shared/data/btc-usd_yahoo_1d.clean.csv", import.meta.url).pathname;
afterEach(() => vi.restoreAllMocks());

describe("loadProgress", () => {
  it("reports the share read, in MiB and seconds, once per tenth", () => {
    let err = "";
    vi.spyOn(process.stderr, "write").mockImplementation((s) => { err += String(s); return true; });
    const onProgress = loadProgress("btc", true, 0);
    onProgress!(0, 100 << 20);
    onProgress!(5 << 20, 100 << 20);
    onProgress!(31 << 20, 100 << 20);
    onProgress!(100 << 20, 100 << 20);
    expect(err.split("\n").filter(Boolean).map((l) => l.replace(/, [\d.]+ s\)/, ")"))).toEqual(["loading btc: 30% (31 of 100 MiB)", "loading btc: 100% (100 of 100 MiB)"]);
  });

  it("says nothing for a short file, or when disabled", () => {
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    loadPrices(FILE, { onProgress: loadProgress("btc", true) });
    expect(loadProgress("btc", false)).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
  });

  it("loadPrices reports the bytes read, ending at the file's size", () => {
    const seen: [number, number][] = [];
    loadPrices(FILE, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen[0][0]).toBe(0);
    expect(seen[seen.length - 1][0]).toBe(seen[0][1]);
  });
});
