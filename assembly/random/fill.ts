import { seedPathStream, nextUniform } from "./path-stream";
import { nextNormal } from "./ziggurat";

/**
 * Writes n uniforms in (0, 1) from the stream of (seed, stream, path) to `out` (f64).
 * Exposed for distribution and twin tests of the generator.
 */
export function fillUniforms(seed: u32, stream: u32, path: u32, n: i32, out: usize): void {
  seedPathStream(seed, stream, path);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextUniform());
}

/** Writes n standard normals (ziggurat; tables at `zig`) from the stream of (seed, stream, path). */
export function fillNormals(seed: u32, stream: u32, path: u32, n: i32, zig: usize, out: usize): void {
  seedPathStream(seed, stream, path);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextNormal(zig));
}
