// Covariance kernels: every export here becomes a WASM export through assembly/index.ts.
export { covarianceScratchLength } from "./center-columns";
export { sampleCovariance, sampleCovarianceRows } from "./sample-covariance";
export { correlationFromCovariance } from "./correlation";
export { ewmaCovariance } from "./ewma-covariance";
export { ewmaCovariancePacked } from "./ewma-covariance-packed";
export { ledoitWolf } from "./ledoit-wolf";
export { cholesky } from "./cholesky";
export { quadraticForm, bilinearForm } from "./quadratic-form";
export { deltaRatioVariance, logRatioVariance } from "./ratio-variance";
