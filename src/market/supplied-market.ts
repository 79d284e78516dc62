/**
 * The market paths a scenario supplies instead of the kernel's own draws (the `returns`
 * section): jointly simulated legs of a ratio instrument, or a bootstrap of a history.
 * Plain data, so a job can be sent to worker threads; `fillSuppliedMarket` turns it into the
 * x/regime buffers of one block.
 */
import { fillCorrelatedLegs, type CorrelatedLegsSpec, type MarketShape } from "./correlated-legs.ts";
import { fillBootstrap, type BootstrapSpec } from "./stationary-bootstrap.ts";

export type ReturnsSpec = CorrelatedLegsSpec | BootstrapSpec;

export interface SuppliedMarket {
  spec: ReturnsSpec;
  shape: MarketShape;
  /** lower Cholesky factor of the legs' correlation (correlated legs only) */
  factor: Float64Array;
}

/** Fills the block's log-returns and regimes (nPaths × steps each, path-major). */
export function fillSuppliedMarket(m: SuppliedMarket, firstPath: number, nPaths: number, x: Float64Array, regime: Float64Array): void {
  if (m.spec.kind === "correlated-legs") fillCorrelatedLegs(m.spec, m.factor, m.shape, firstPath, nPaths, x, regime);
  else fillBootstrap(m.spec, m.shape.seed, m.shape.steps, firstPath, nPaths, x, regime);
}
