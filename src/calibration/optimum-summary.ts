/**
 * One line of words for a kind's optimum (console and report): each parameter's 95% interval
 * (values not significantly worse than the best on common random numbers), and whether the
 * optimum sits at the domain's edge, on the grid's edge (extension budget spent) or is flat.
 */
import type { KindSearch } from "./pacing-search.ts";

/** e.g. " — lambda 95% [0.0102, 0.0413]; at domain edge (lambda)"; "" for a kind without parameters. */
export function optimumLine(s: KindSearch): string {
  const parts = Object.entries(s.parameter_interval).map(([n, iv]) =>
    `${n} 95% [${+iv.lo.toPrecision(3)}, ${+iv.hi.toPrecision(3)}]${iv.flat ? " (flat: every value evaluated)" : ""}`);
  if (s.at_domain_edge) parts.push(`at domain edge (${s.domain_edge_parameters.join(", ")})`);
  if (s.at_grid_edge) parts.push("on the edge of the values tried (extension budget spent)");
  return parts.length ? ` — ${parts.join("; ")}` : "";
}
