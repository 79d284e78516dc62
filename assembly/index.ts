// The only file whose exports become WASM exports. One line per area.
export { simulatePacing, pacingScratchBytes } from "./pacing/simulate-pacing";
export { fillUniforms, fillNormals } from "./random/fill";
export {
  covarianceScratchLength, sampleCovariance, sampleCovarianceRows, correlationFromCovariance, ewmaCovariance, ewmaCovariancePacked, ledoitWolf,
  cholesky, quadraticForm, bilinearForm, deltaRatioVariance, logRatioVariance,
} from "./covariance/index";

/** First free byte after static data: the JS arena (src/wasm/kernel.ts) starts here. */
export function heapBase(): usize {
  return __heap_base;
}
