import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { encodeF64, decodeF64, encodeNumber, decodeNumber } from "../../src/shard/f64-codec.ts";
import { UsageError } from "../../src/errors.ts";

const bits = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("hex");

describe("shard number encodings", () => {
  it("Float64Array → base64 → Float64Array keeps every bit (−∞, NaN, −0, subnormals)", () => {
    const special = new Float64Array([-Infinity, Infinity, NaN, -0, 0, Number.MIN_VALUE, -Number.MAX_VALUE, 1 / 3]);
    expect(bits(decodeF64(encodeF64(special), "x"))).toBe(bits(special));
    fc.assert(fc.property(fc.float64Array({ maxLength: 200 }), (a) => {
      expect(bits(decodeF64(encodeF64(a), "x"))).toBe(bits(a));
    }));
  });

  it("single numbers survive JSON, including the values JSON cannot hold", () => {
    fc.assert(fc.property(fc.double(), (x) => {
      const back = decodeNumber(JSON.parse(JSON.stringify(encodeNumber(x))), "x");
      expect(Object.is(back, x)).toBe(true);
    }));
  });

  it("damaged text fails with a readable UsageError naming the field", () => {
    expect(() => decodeF64("AAAA", "a/shard.json: trace")).toThrow(/^a\/shard\.json: trace: 3 bytes is not a whole number of doubles/);
    expect(() => decodeF64(42, "f")).toThrow(UsageError);
    expect(() => decodeNumber("1e3", "m.mean")).toThrow(/^m\.mean: must be a number; got "1e3"/);
  });
});
