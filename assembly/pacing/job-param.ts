/** The job parameter in slot `slot` (layout.ts J_*) of the job at `job`. */
// @ts-ignore: decorator
@inline export function par(job: usize, slot: i32): f64 {
  return load<f64>(job + (<usize>slot << 3));
}
