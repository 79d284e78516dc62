/**
 * The synthetic instrument S = A/B (domain.md (G1)) on aligned dates.
 */
import { fail } from "../errors.ts";

/**
 * S_t = A_t / B_t.
 * @throws RangeError when lengths differ, or B is at or near zero (|B| ≤ 1e-12·max(1, |A|)) or
 * changes sign against its first date (the quote basket crossed zero), naming the date
 */
export function ratioSeries(A: ArrayLike<number>, B: ArrayLike<number>, dates: readonly string[]): Float64Array {
  if (A.length !== B.length || A.length !== dates.length) fail(RangeError, "ratioSeries", `A has ${A.length}, B ${B.length}, dates ${dates.length} rows`, "build A and B on the same aligned dates");
  const S = new Float64Array(A.length);
  for (let t = 0; t < A.length; t++) {
    if (!(Math.abs(B[t]) > 1e-12 * Math.max(1, Math.abs(A[t])))) fail(RangeError, "ratioSeries: B", `quote basket is ${B[t]} on ${dates[t]}, at or near zero`, "choose a quote basket that stays away from zero, or drop the date with --policy repair");
    if (Math.sign(B[t]) !== Math.sign(B[0])) fail(RangeError, "ratioSeries: B", `quote basket is ${B[t]} on ${dates[t]}, of the other sign than on ${dates[0]} (${B[0]}): it crossed zero`, "choose quote weights that keep B on one side of zero");
    S[t] = A[t] / B[t];
  }
  return S;
}
