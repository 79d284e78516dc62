/**
 * The extension and refinement stages of the pacing search (pacing-search.ts), each batching
 * one step of every kind into one engine run. Evaluations of the same parameters share a
 * name (schemeOf rounds to 4 significant digits), so a value is never run twice in a stage.
 */
import { COARSE_AXES, gridPoints, refineAxes, schemeOf, type Params, type SchemeKind } from "./scheme-grid.ts";
import { extensionBeyond } from "./search-domain.ts";
import { goldenStart, goldenStep, type GoldenBracket } from "./golden-section.ts";
import { better, choose, type Candidate, type Evaluation } from "./evaluate-schemes.ts";

type Batch = (items: Candidate[]) => Promise<Evaluation[]>;
const r4 = (v: number) => +v.toPrecision(4);

/**
 * Up to `rounds` rounds: for every kind whose best point (so far) sits on the edge of one of
 * its axes and not at that parameter's domain edge, evaluate the next value beyond it (the
 * other parameters at the best's values). Stops when no kind extends.
 * @returns the extended axes, the new evaluations, and per kind the values added per parameter
 */
export async function extendGrids(kinds: SchemeKind[], coarse: Evaluation[], rounds: number, batch: Batch) {
  const axes = Object.fromEntries(kinds.map((k) => [k, Object.fromEntries(Object.entries(COARSE_AXES[k]).map(([n, v]) => [n, [...v]]))])) as Record<string, Record<string, number[]>>;
  const extended: Record<string, Record<string, number[]>> = {};
  const evaluations: Evaluation[] = [];
  for (let round = 0; round < rounds; round++) {
    const items: Candidate[] = [];
    for (const k of kinds) {
      const best = choose([...coarse, ...evaluations].filter((e) => e.kind === k));
      for (const [name, values] of Object.entries(axes[k])) {
        const next = extensionBeyond(name, values, best.params[name]);
        if (next === null || values.includes(next)) continue;
        values.push(next);
        ((extended[k] ??= {})[name] ??= []).push(next);
        const params = { ...best.params, [name]: next };
        items.push({ kind: k, params, scheme: schemeOf(k, params) });
      }
    }
    if (!items.length) break;
    evaluations.push(...(await batch(items)));
  }
  return { axes, evaluations, extended };
}

/**
 * Refinement at the refinement path count: for a 1-D kind, golden-section on the log parameter
 * within the bracket of its best value's neighbours on the (extended) axis, `steps` steps after
 * the best and the two first interior points; for a 2-D kind, refineAxes' local grid along the
 * axes through the best (the best and its four midpoints to the grid neighbours); `instant`
 * once. `extra` (the GP EMA) rides in the first batch.
 */
export async function refineKinds(kinds: SchemeKind[], earlier: Evaluation[], axes: Record<string, Record<string, number[]>>, steps: number, extra: Candidate, batch: Batch) {
  const methods: Record<string, "golden-section" | "grid" | "none"> = {};
  const golden = new Map<SchemeKind, { name: string; bracket: GoldenBracket }>();
  const first: Candidate[] = [extra];
  const add = (list: Candidate[], kind: SchemeKind, params: Params) => {
    const scheme = schemeOf(kind, params);
    if (!list.some((c) => c.scheme.name === scheme.name)) list.push({ kind, params, scheme });
  };
  for (const k of kinds) {
    const names = Object.keys(axes[k]);
    const best = choose(earlier.filter((e) => e.kind === k));
    if (names.length === 0) { methods[k] = "none"; add(first, k, {}); continue; }
    if (names.length > 1) {
      // the local grid's axes through the best (a plus, not the full product: the parameter interval reads only these)
      methods[k] = "grid";
      for (const p of gridPoints(refineAxes(k, best.params, 7, axes[k])).filter((p) => names.filter((n) => p[n] !== best.params[n]).length <= 1)) add(first, k, p);
      continue;
    }
    const name = names[0], v = best.params[name];
    const vals = [...axes[k][name]].sort((a, b) => a - b), i = vals.indexOf(v);
    const bracket = goldenStart(vals[Math.max(0, i - 1)], vals[Math.min(vals.length - 1, i + 1)]);
    methods[k] = "golden-section";
    golden.set(k, { name, bracket });
    for (const x of [v, Math.exp(bracket.c), Math.exp(bracket.d)]) add(first, k, { [name]: r4(x) });
  }
  const evaluations = await batch(first);
  const at = (k: SchemeKind, name: string, logX: number) => evaluations.find((e) => e.kind === k && e.params[name] === r4(Math.exp(logX)))!;
  for (let s = 0; s < steps && golden.size; s++) {
    const items: Candidate[] = [];
    for (const [k, g] of golden) {
      const { bracket, next } = goldenStep(g.bracket, !better(at(k, g.name, g.bracket.d), at(k, g.name, g.bracket.c)));
      g.bracket = bracket;
      if (!evaluations.some((e) => e.kind === k && e.params[g.name] === r4(Math.exp(next))) && !items.some((c) => c.kind === k)) add(items, k, { [g.name]: r4(Math.exp(next)) });
    }
    if (!items.length) break;
    evaluations.push(...(await batch(items)));
  }
  return { evaluations, methods };
}
