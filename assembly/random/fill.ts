import { seedLane, laneUniform, laneNormal } from "./lane-stream";

/**
 * Writes n uniforms in (0, 1) from the stream of (seed, stream, path) to `out` (f64), using
 * 16 bytes of generator state at `state`. Exposed for distribution and twin tests.
 */
export function fillUniforms(seed: u32, stream: u32, path: u32, n: i32, state: usize, out: usize): void {
  seedLane(state, 1, 0, seed, stream, path);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), laneUniform(state, 1, 0));
}

/** Writes n standard normals (ziggurat; tables at `zig`) from the stream of (seed, stream, path). */
export function fillNormals(seed: u32, stream: u32, path: u32, n: i32, zig: usize, state: usize, out: usize): void {
  seedLane(state, 1, 0, seed, stream, path);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), laneNormal(state, 1, 0, zig));
}
